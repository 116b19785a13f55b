package org.orchestra.counter.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.orchestra.counter.CounterException;
import org.orchestra.counter.CounterRequests;
import org.orchestra.counter.DeliveryMode;
import org.orchestra.counter.DocumentCatalogue;
import org.orchestra.counter.DocumentRequest;
import org.orchestra.counter.DocumentType;
import org.orchestra.counter.Issuance;
import org.orchestra.counter.RequestStatus;
import org.orchestra.counter.Theme;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The counter's JSON API: the document catalogue for everyone, and for the signed-in resident requesting a
 * document and following their requests. Errors are problem details with a stable {@code code}.
 */
@RestController
@RequestMapping("/api/counter")
class CounterApiController {

	private final DocumentCatalogue catalogue;
	private final CounterRequests residents;
	private final MessageSource messages;

	CounterApiController(DocumentCatalogue catalogue, CounterRequests residents, MessageSource messages) {
		this.catalogue = catalogue;
		this.residents = residents;
		this.messages = messages;
	}

	/** A document of the catalogue. */
	record DocumentView(String code, String title, String description, Theme theme, Issuance issuance,
			boolean householdAllowed, int priceCents, Set<DeliveryMode> deliveryModes, int processingDays,
			String link) {

		static DocumentView of(DocumentType type, Locale locale) {
			return new DocumentView(type.code(), type.title(locale), type.description().in(locale), type.theme(),
					type.issuance(), type.householdAllowed(), type.priceCents(), type.deliveryModes(),
					type.processingDays(), "/counter/documents/" + type.code());
		}
	}

	@GetMapping("/documents")
	List<DocumentView> documents(@RequestParam(name = "q", required = false) @Nullable String q, Locale locale) {
		List<DocumentType> types = q == null || q.isBlank() ? catalogue.all() : catalogue.search(q);
		return types.stream().map(t -> DocumentView.of(t, locale)).toList();
	}

	@GetMapping("/documents/{code}")
	DocumentView document(@PathVariable String code, Locale locale) {
		return DocumentView.of(catalogue.require(code), locale);
	}

	/** A request as its resident sees it. */
	record RequestView(String reference, String document, RequestStatus status, String organisation,
			DeliveryMode deliveryMode, boolean forSomeoneElse, LocalDate dueDate, @Nullable String refusalReason,
			@Nullable String verificationCode, @Nullable String documentLink, Instant createdAt, Instant updatedAt) {

		static RequestView of(DocumentRequest r) {
			boolean downloadable = r.documentId() != null
					&& (r.status() == RequestStatus.READY || r.status() == RequestStatus.DELIVERED);
			return new RequestView(r.reference(), r.documentCode(), r.status(), r.organisationId(), r.deliveryMode(),
					r.forSomeoneElse(), r.dueDate(), r.refusalReason(), r.verificationCode(),
					downloadable ? "/counter/requests/" + r.reference() + "/document" : null, r.createdAt(),
					r.updatedAt());
		}
	}

	/** What a client sends to request a document. */
	record NewRequest(@Nullable String document, @Nullable String subject, @Nullable DeliveryMode deliveryMode,
			@Nullable String postalAddress, @Nullable String email) {
	}

	@PostMapping("/requests")
	@PreAuthorize("hasAuthority('counter.request')")
	ResponseEntity<RequestView> request(@RequestBody NewRequest body,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key, Locale locale) {
		if (body.document() == null || body.document().isBlank()) {
			throw new CounterException("counter.error.unknown-document", 422);
		}
		CounterRequests.Submission submission = residents.submit(new CounterRequests.Draft(body.document(),
				body.subject(), body.deliveryMode(), body.postalAddress(), body.email(), key), locale);
		return ResponseEntity.status(submission.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.header("Location", "/api/counter/requests/" + submission.request().reference())
			.body(RequestView.of(submission.request()));
	}

	@GetMapping("/requests")
	@PreAuthorize("hasAuthority('counter.request')")
	List<RequestView> mine(@RequestParam(name = "page", defaultValue = "0") int page) {
		return residents.mine(page).map(RequestView::of).getContent();
	}

	@GetMapping("/requests/{reference}")
	@PreAuthorize("hasAuthority('counter.request')")
	RequestView one(@PathVariable String reference) {
		return RequestView.of(residents.mine(reference));
	}

	@ExceptionHandler(CounterException.class)
	ResponseEntity<ProblemDetail> refused(CounterException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(ex.status()),
				messages.getMessage(ex.messageKey(), null, ex.messageKey(), locale));
		problem.setProperty("code", ex.messageKey());
		return ResponseEntity.status(ex.status()).body(problem);
	}

	@ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> concurrent(Locale locale) {
		return refused(new CounterException("counter.error.concurrent", 409), locale);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage("counter.error.unreadable", null, "Unreadable request", locale));
		problem.setProperty("code", "counter.error.unreadable");
		return ResponseEntity.badRequest().body(problem);
	}
}
