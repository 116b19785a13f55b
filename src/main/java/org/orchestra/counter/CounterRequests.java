package org.orchestra.counter;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.document.Document;
import org.orchestra.document.DocumentManagement;
import org.orchestra.identity.CurrentUser;
import org.orchestra.identity.IdentityManagement;
import org.orchestra.identity.NationalNumber;
import org.orchestra.identity.OrchestraPrincipal;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The resident's side of the counter: requesting a document for oneself or a household member, receiving a
 * register certificate at once, following requests and writing to the commune.
 */
@Service
public class CounterRequests {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	private final DocumentCatalogue catalogue;
	private final PopulationRegister register;
	private final Requests requests;
	private final RequestEvents events;
	private final RequestMessages messages;
	private final DocumentManagement documents;
	private final OrganisationDirectory organisations;
	private final IdentityManagement identity;
	private final CurrentUser currentUser;
	private final ApplicationEventPublisher publisher;
	private final TransactionTemplate tx;
	private final TransactionTemplate readOnly;

	CounterRequests(DocumentCatalogue catalogue, PopulationRegister register, Requests requests, RequestEvents events,
			RequestMessages messages, DocumentManagement documents, OrganisationDirectory organisations,
			IdentityManagement identity, CurrentUser currentUser, ApplicationEventPublisher publisher,
			PlatformTransactionManager transactions) {
		this.catalogue = catalogue;
		this.register = register;
		this.requests = requests;
		this.events = events;
		this.messages = messages;
		this.documents = documents;
		this.organisations = organisations;
		this.identity = identity;
		this.currentUser = currentUser;
		this.publisher = publisher;
		this.tx = new TransactionTemplate(transactions);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** What a resident fills in to request a document. */
	public record Draft(String documentCode, @Nullable String subject, @Nullable DeliveryMode deliveryMode,
			@Nullable String postalAddress, @Nullable String email, @Nullable String idempotencyKey) {
	}

	/** The signed-in resident as the register knows them. */
	public PopulationRegister.Person resident() {
		OrchestraPrincipal principal = currentUser.principal()
				.orElseThrow(() -> new CounterException("counter.error.sign-in", 401));
		String nn = principal.nationalNumber().map(NationalNumber::value)
				.orElseThrow(() -> new CounterException("counter.error.no-national-number", 403));
		return register.person(nn).orElseThrow(() -> new CounterException("counter.error.not-in-register", 422));
	}

	/** The persons the resident may request this document for: themselves, and household members where allowed. */
	public List<PopulationRegister.Person> subjects(PopulationRegister.Person resident, DocumentType type) {
		if (!type.householdAllowed()) {
			return List.of(resident);
		}
		LocalDate today = LocalDate.now(BRUSSELS);
		boolean reference = "REFERENCE".equals(resident.relation());
		return register.household(resident.nationalNumber()).stream()
				.filter(p -> p.nationalNumber().equals(resident.nationalNumber()) || !p.adult(today) || reference)
				.toList();
	}

	/** Where the register's data comes from ({@code synthetic} in the demo). */
	public String registerSource() {
		return register.source();
	}

	/** The commune of the resident's address, which handles their requests. */
	public OrganisationId communeOf(PopulationRegister.Person person) {
		OrganisationId commune = OrganisationId.of("commune-" + person.nisCode());
		if (!organisations.exists(commune)) {
			throw new CounterException("counter.error.no-commune", 422);
		}
		return commune;
	}

	/** Result of a submission; {@code created} is false when the same submission was already received. */
	public record Submission(DocumentRequest request, boolean created) {
	}

	/**
	 * Submits a request to the resident's commune. A register certificate is issued in the same transaction, so
	 * the request and its PDF exist together or not at all.
	 */
	public Submission submit(Draft draft, Locale locale) {
		PopulationRegister.Person resident = resident();
		String account = currentUser.actorName();
		String key = draft.idempotencyKey() == null || draft.idempotencyKey().isBlank() ? null
				: draft.idempotencyKey().strip();
		if (key != null && (key.length() > 64 || !key.matches("[A-Za-z0-9-]+"))) {
			throw new CounterException("counter.error.idempotency-key");
		}
		if (key != null) {
			Optional<DocumentRequest> existing = requests.findByRequesterAccountAndIdempotencyKey(account, key);
			if (existing.isPresent()) {
				return new Submission(existing.get(), false);
			}
		}
		DocumentType type = catalogue.require(draft.documentCode());
		PopulationRegister.Person subject = resident;
		if (draft.subject() != null && !draft.subject().isBlank()
				&& !draft.subject().strip().equals(resident.nationalNumber())) {
			String wanted = draft.subject().strip();
			subject = subjects(resident, type).stream().filter(p -> p.nationalNumber().equals(wanted)).findFirst()
					.orElseThrow(() -> new CounterException("counter.error.not-for-this-person", 403));
		}
		if (type.code().equals("nationality-certificate") && !"BE".equals(subject.nationality())) {
			throw new CounterException("counter.error.not-belgian", 422);
		}
		OrganisationId commune = communeOf(resident);
		Offering.Terms terms = catalogue.terms(commune, type);
		if (!terms.offered()) {
			throw new CounterException("counter.error.not-offered", 409);
		}
		DeliveryMode mode = draft.deliveryMode();
		if (mode == null || !terms.deliveryModes().contains(mode)) {
			throw new CounterException("counter.error.delivery-mode");
		}
		String postal = null;
		if (mode == DeliveryMode.POST) {
			postal = draft.postalAddress() == null || draft.postalAddress().isBlank() ? resident.address()
					: draft.postalAddress().strip();
			if (postal.length() > 500) {
				throw new CounterException("counter.error.postal-address");
			}
		}
		String email = email(draft.email(), account);
		LocalDate due = workingDaysAfter(LocalDate.now(BRUSSELS), terms.processingDays());
		String language = List.of("fr", "nl", "en").contains(locale.getLanguage()) ? locale.getLanguage() : "fr";
		DocumentRequest request = new DocumentRequest(commune.value(), type.code(), account, resident.fullName(),
				email, resident.nationalNumber(), subject.nationalNumber(), subject.fullName(), mode, postal,
				language, terms.priceCents(), due, key);
		PopulationRegister.Person forWhom = subject;
		try {
			DocumentRequest saved = TenantContext.callAs(commune, () -> tx.execute(status -> {
				DocumentRequest stored = requests.saveAndFlush(request);
				stored.assignReference(LocalDate.now(BRUSSELS).getYear());
				events.insert(new RequestEvent(stored.id(), "submitted", stored.status(), account, null));
				publisher.publishEvent(new RequestChanged(stored.id(), stored.reference(), "submitted",
						commune.value(), account, stored.status(), null));
				if (type.issuance() == Issuance.REGISTER) {
					issue(stored, type, forWhom, commune, Locale.forLanguageTag(language));
				}
				return stored;
			}));
			return new Submission(saved, true);
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			if (key != null) {
				Optional<DocumentRequest> existing = requests.findByRequesterAccountAndIdempotencyKey(account, key);
				if (existing.isPresent()) {
					return new Submission(existing.get(), false);
				}
			}
			throw ex;
		}
	}

	/** The date that many working days (Monday to Friday) after the given one. */
	static LocalDate workingDaysAfter(LocalDate from, int days) {
		LocalDate date = from;
		int left = Math.max(days, 0);
		while (left > 0) {
			date = date.plusDays(1);
			if (date.getDayOfWeek() != java.time.DayOfWeek.SATURDAY && date.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return date;
	}

	private @Nullable String email(@Nullable String given, String account) {
		String email = given == null || given.isBlank() ? null : given.strip();
		if (email == null) {
			email = identity.findAccount(account).map(a -> a.email()).orElse(null);
		}
		if (email != null && (email.length() > 320 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			throw new CounterException("counter.error.email");
		}
		return email;
	}

	private void issue(DocumentRequest request, DocumentType type, PopulationRegister.Person subject,
			OrganisationId commune, Locale locale) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("documentCode", type.code());
		variables.put("documentTitle", type.title(locale));
		variables.put("person", subject);
		variables.put("household", register.household(subject.nationalNumber()));
		variables.put("organisation", organisations.nameOf(commune, locale));
		variables.put("reference", request.reference());
		variables.put("source", register.source());
		variables.put("masked", NationalNumber.parse(subject.nationalNumber()).map(NationalNumber::formatted)
				.orElse(subject.nationalNumber()));
		Document pdf = documents.issue(type.title(locale) + " – " + subject.fullName(), "counter/certificate",
				variables, locale);
		request.attach(pdf.id(), pdf.verificationCode());
		request.moveTo(RequestStatus.READY);
		events.insert(new RequestEvent(request.id(), "issued", request.status(), CurrentUser.SYSTEM, null));
		publisher.publishEvent(new RequestChanged(request.id(), request.reference(), "issued", commune.value(),
				CurrentUser.SYSTEM, request.status(), null));
	}

	/** The signed-in resident's requests, newest first. */
	public Page<DocumentRequest> mine(int page) {
		return requests.findByRequesterAccountOrderByCreatedAtDesc(currentUser.actorName(),
				PageRequest.of(Math.max(page, 0), 20));
	}

	/** One of the signed-in resident's requests; someone else's is not found. */
	public DocumentRequest mine(String reference) {
		return requests.findByReference(reference).filter(r -> r.requesterAccount().equals(currentUser.actorName()))
				.orElseThrow(() -> new CounterException("counter.error.unknown-request", 404));
	}

	public List<RequestEvent> timeline(DocumentRequest request) {
		return events.findByRequestIdOrderByAtAsc(request.id());
	}

	public List<RequestMessage> messages(DocumentRequest request) {
		return messages.findByRequestIdOrderByAtAsc(request.id());
	}

	/** A file to send: its name and content. */
	public record Upload(String filename, InputStream content) {
	}

	/** The resident writes to the commune, possibly with a file; a request waiting for them resumes. */
	public RequestMessage write(String reference, String body, @Nullable Upload upload) {
		DocumentRequest request = mine(reference);
		String text = body == null ? "" : body.strip();
		if (text.isEmpty() && upload == null) {
			throw new CounterException("counter.error.message-empty");
		}
		if (text.length() > 4000) {
			throw new CounterException("counter.error.message-long");
		}
		if (!request.status().open()) {
			throw new CounterException("counter.error.closed", 409);
		}
		OrganisationId commune = OrganisationId.of(request.organisationId());
		String actor = currentUser.actorName();
		return TenantContext.callAs(commune, () -> tx.execute(status -> {
			DocumentRequest fresh = requests.findById(request.id()).orElseThrow();
			Document file = upload == null ? null
					: documents.upload(fresh.reference() + " – " + upload.filename(), upload.filename(),
							upload.content());
			RequestMessage message = messages.save(new RequestMessage(fresh.id(), false,
					fresh.requesterName() == null ? actor : fresh.requesterName(), text,
					file == null ? null : file.id(), file == null ? null : file.filename()));
			if (fresh.status() == RequestStatus.WAITING_FOR_CITIZEN) {
				fresh.moveTo(RequestStatus.IN_PROGRESS);
				events.insert(new RequestEvent(fresh.id(), "answered", fresh.status(), actor, null));
			}
			else {
				fresh.touch();
			}
			publisher.publishEvent(new RequestChanged(fresh.id(), fresh.reference(), "citizen-message",
					fresh.organisationId(), actor, fresh.status(), null));
			return message;
		}));
	}

	/** A downloadable file: name, type and content. */
	public record Download(String filename, String contentType, InputStream content) {
	}

	/** The issued document of the resident's request; downloading it completes a request delivered by download. */
	public Download download(String reference) {
		DocumentRequest request = mine(reference);
		if (request.documentId() == null
				|| !(request.status() == RequestStatus.READY || request.status() == RequestStatus.DELIVERED)) {
			throw new CounterException("counter.error.not-ready", 409);
		}
		OrganisationId commune = OrganisationId.of(request.organisationId());
		String actor = currentUser.actorName();
		Document document = TenantContext.callAs(commune, () -> tx.execute(status -> {
			DocumentRequest fresh = requests.findById(request.id()).orElseThrow();
			if (fresh.status() == RequestStatus.READY && fresh.deliveryMode() == DeliveryMode.DOWNLOAD) {
				fresh.moveTo(RequestStatus.DELIVERED);
				events.insert(new RequestEvent(fresh.id(), "downloaded", fresh.status(), actor, null));
				publisher.publishEvent(new RequestChanged(fresh.id(), fresh.reference(), "downloaded",
						fresh.organisationId(), actor, fresh.status(), null));
			}
			return documents.find(fresh.documentId()).orElseThrow(
					() -> new CounterException("counter.error.not-ready", 409));
		}));
		return open(document);
	}

	/** A file attached to a message of the resident's request. */
	public Download attachment(String reference, UUID documentId) {
		DocumentRequest request = mine(reference);
		return attachmentOf(request, documentId);
	}

	Download attachmentOf(DocumentRequest request, UUID documentId) {
		messages.findByRequestIdAndDocumentId(request.id(), documentId)
				.orElseThrow(() -> new CounterException("counter.error.unknown-file", 404));
		Document document = TenantContext.callAs(OrganisationId.of(request.organisationId()),
				() -> readOnly.execute(status -> documents.find(documentId)
						.orElseThrow(() -> new CounterException("counter.error.unknown-file", 404))));
		return open(document);
	}

	Download open(Document document) {
		try {
			return new Download(document.filename(), document.contentType(), documents.content(document));
		}
		catch (IOException ex) {
			throw new CounterException("counter.error.file-unavailable", 404);
		}
	}
}
