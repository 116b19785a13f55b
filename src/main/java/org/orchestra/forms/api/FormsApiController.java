package org.orchestra.forms.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jspecify.annotations.Nullable;
import org.orchestra.forms.Answer;
import org.orchestra.forms.FormDefinition;
import org.orchestra.forms.FormDesign;
import org.orchestra.forms.FormDesk;
import org.orchestra.forms.FormFilling;
import org.orchestra.forms.FormsException;
import org.orchestra.forms.StepInput;
import org.orchestra.forms.Submission;
import org.orchestra.forms.SubmissionEvent;
import org.orchestra.forms.SubmissionStatus;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of online forms: published definitions (public), the caller's own submissions (citizens, including
 * saving a step's answers) and the desk's queue and actions (agents of the organisation). Refusals are
 * structured: {@code status}, {@code code}, {@code message}, and {@code errors} per field.
 */
@RestController
@Tag(name = "Forms", description = "Online forms: definitions, the caller's submissions, the desk")
class FormsApiController {

	private final FormDesign design;
	private final FormFilling filling;
	private final FormDesk desk;
	private final MessageSource messages;

	FormsApiController(FormDesign design, FormFilling filling, FormDesk desk, MessageSource messages) {
		this.design = design;
		this.filling = filling;
		this.desk = desk;
		this.messages = messages;
	}

	/** A published form in a list. */
	record DefinitionSummary(String key, int version, String title, @Nullable String description, String link,
			List<String> offeredBy) {
	}

	/** A published form with its full definition. */
	record PublishedDefinition(String key, int version, @Nullable Instant publishedAt, FormDefinition definition,
			List<String> offeredBy) {
	}

	/** A submission as its author or the desk sees it. */
	record SubmissionView(UUID id, @Nullable String reference, String form, int version, SubmissionStatus status,
			@Nullable String organisation, @Nullable String assignee, @Nullable String statusReason,
			Instant createdAt, Instant updatedAt, @Nullable Instant submittedAt, @Nullable Instant erasedAt,
			@Nullable Map<String, Answer> answers, @Nullable List<HistoryView> history) {
	}

	record HistoryView(Instant at, String type, SubmissionStatus status, @Nullable String note) {
	}

	/** Answers of one step: values per field key (several for a multiple choice; {@code lon}/{@code lat} for an address point). */
	record StepAnswers(Map<String, List<String>> answers) {
	}

	record StatusChange(SubmissionStatus status, @Nullable String reason) {
	}

	record Assignment(@Nullable String assignee) {
	}

	record Message(String message) {
	}

	@Operation(summary = "Published forms")
	@GetMapping(path = "/api/forms/definitions", produces = MediaType.APPLICATION_JSON_VALUE)
	List<DefinitionSummary> definitions(Locale locale) {
		return design.published()
			.stream()
			.map(p -> new DefinitionSummary(p.form().key(), p.version().number(), p.definition().title().in(locale),
					p.definition().description() == null ? null : p.definition().description().in(locale),
					"/forms/" + p.form().key(), List.copyOf(design.offeredBy(p.form().id()))))
			.toList();
	}

	@Operation(summary = "A published form's definition")
	@GetMapping(path = "/api/forms/definitions/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
	PublishedDefinition definition(@PathVariable("key") String key) {
		FormDesign.Published p = design.published(key).orElseThrow(() -> new FormsException("forms.error.not-found", 404));
		return new PublishedDefinition(p.form().key(), p.version().number(), p.version().publishedAt(), p.definition(),
				List.copyOf(design.offeredBy(p.form().id())));
	}

	@Operation(summary = "The caller's submissions (drafts and sent)")
	@GetMapping(path = "/api/forms/submissions", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('forms.fill')")
	List<SubmissionView> mine() {
		List<SubmissionView> result = new ArrayList<>();
		for (Submission s : filling.mine()) {
			result.add(view(filling.find(s.id()), false, null));
		}
		return result;
	}

	@Operation(summary = "One of the caller's submissions, with its answers and public history")
	@GetMapping(path = "/api/forms/submissions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('forms.fill')")
	SubmissionView mine(@PathVariable("id") UUID id) {
		return view(filling.find(id), true, filling.history(id));
	}

	@Operation(summary = "Save the answers of a step of a draft (409 once sent, 422 with field errors)")
	@PutMapping(path = "/api/forms/submissions/{id}/steps/{index}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('forms.fill')")
	ResponseEntity<Map<String, Object>> saveStep(@PathVariable("id") UUID id, @PathVariable("index") int index,
			@RequestBody StepAnswers body, Locale locale) {
		Map<String, List<String>> values = body.answers() == null ? Map.of() : body.answers();
		Map<String, List<String>> clean = new LinkedHashMap<>();
		values.forEach((k, v) -> {
			if (k != null && v != null) {
				clean.put(k, v.stream().filter(java.util.Objects::nonNull).toList());
			}
		});
		FormFilling.StepOutcome outcome = filling.saveStep(id, index, new StepInput(clean, Map.of()), locale);
		Map<String, Object> result = new LinkedHashMap<>();
		if (!outcome.ok()) {
			result.put("status", 422);
			result.put("code", "forms.error.invalid-answers");
			result.put("message", messages.getMessage("forms.error.invalid-answers", null, locale));
			result.put("errors", outcome.errors()
				.values()
				.stream()
				.map(e -> Map.of("field", e.field(), "code", e.code(), "message",
						org.orchestra.forms.web.FormViews.message(messages, e.code(), e.arguments(), locale)))
				.toList());
			return ResponseEntity.status(422).body(result);
		}
		result.put("next", outcome.next() < 0 ? "summary" : Integer.toString(outcome.next()));
		return ResponseEntity.ok(result);
	}

	@Operation(summary = "The desk's queue of the organisation the caller acts for")
	@GetMapping(path = "/api/desk/forms/submissions", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('forms.desk')")
	Map<String, Object> queue(@RequestParam(name = "status", required = false) @Nullable SubmissionStatus status,
			@RequestParam(name = "page", defaultValue = "0") int page) {
		Page<Submission> submissions = desk.queue(status, null, page, 100);
		return Map.of("page", submissions.getNumber(), "total", submissions.getTotalElements(), "items",
				submissions.getContent().stream().map(s -> view(desk.find(s.id()), false, null)).toList());
	}

	@Operation(summary = "A submission of the caller's organisation, with answers and full history")
	@GetMapping(path = "/api/desk/forms/submissions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('forms.desk')")
	SubmissionView deskView(@PathVariable("id") UUID id) {
		return view(desk.find(id), true, desk.history(id));
	}

	@Operation(summary = "Change the status (a refusal needs a reason)")
	@PostMapping(path = "/api/desk/forms/submissions/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('forms.desk')")
	SubmissionView status(@PathVariable("id") UUID id, @RequestBody StatusChange change) {
		if (change.status() == null) {
			throw new FormsException("forms.error.status-invalid", 400);
		}
		desk.changeStatus(id, change.status(), change.reason());
		return deskView(id);
	}

	@Operation(summary = "Assign to an agent of the organisation (empty: unassign)")
	@PostMapping(path = "/api/desk/forms/submissions/{id}/assign", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('forms.desk')")
	SubmissionView assign(@PathVariable("id") UUID id, @RequestBody Assignment assignment) {
		desk.assign(id, assignment.assignee());
		return deskView(id);
	}

	@Operation(summary = "Answer the citizen (shown in their follow-up and e-mailed)")
	@PostMapping(path = "/api/desk/forms/submissions/{id}/answer", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('forms.desk')")
	SubmissionView answer(@PathVariable("id") UUID id, @RequestBody Message message) {
		desk.answer(id, message.message() == null ? "" : message.message());
		return deskView(id);
	}

	private static SubmissionView view(FormFilling.Filling f, boolean detail, @Nullable List<SubmissionEvent> history) {
		Submission s = f.submission();
		return new SubmissionView(s.id(), s.reference(), f.form().key(), f.version().number(), s.status(),
				s.organisationId(), s.assignee(), s.statusReason(), s.createdAt(), s.updatedAt(), s.submittedAt(),
				s.erasedAt(), detail ? f.answers() : null, history == null ? null
						: history.stream().map(e -> new HistoryView(e.at(), e.type(), e.status(), e.note())).toList());
	}
}
