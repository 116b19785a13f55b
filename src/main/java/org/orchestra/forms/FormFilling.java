package org.orchestra.forms;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.forms.FormDefinition.Field;
import org.orchestra.forms.FormDefinition.Routing;
import org.orchestra.forms.FormDefinition.Step;
import org.orchestra.identity.CurrentUser;
import org.orchestra.identity.IdentityManagement;
import org.orchestra.identity.OrchestraPrincipal;
import org.orchestra.tenancy.Organisation;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.OrganisationType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forms module's facade for citizens: start a published form, fill it step by step (each step saved as a
 * draft), review and send it, follow it and answer the desk. Citizens only ever see their own submissions.
 */
@Service
@Transactional
public class FormFilling {

	private final Forms forms;
	private final FormVersions versions;
	private final Submissions submissions;
	private final SubmissionEvents history;
	private final FormDesign design;
	private final FormsJson json;
	private final AnswerChecker checker;
	private final CurrentUser currentUser;
	private final IdentityManagement identity;
	private final OrganisationDirectory organisations;
	private final ApplicationEventPublisher events;
	private final JdbcTemplate jdbc;

	FormFilling(Forms forms, FormVersions versions, Submissions submissions, SubmissionEvents history,
			FormDesign design, FormsJson json, AnswerChecker checker, CurrentUser currentUser,
			IdentityManagement identity, OrganisationDirectory organisations, ApplicationEventPublisher events,
			JdbcTemplate jdbc) {
		this.forms = forms;
		this.versions = versions;
		this.submissions = submissions;
		this.history = history;
		this.design = design;
		this.json = json;
		this.checker = checker;
		this.currentUser = currentUser;
		this.identity = identity;
		this.organisations = organisations;
		this.events = events;
		this.jdbc = jdbc;
	}

	/** A submission with the exact version it is filled with and its answers. */
	public record Filling(Submission submission, Form form, FormVersion version, FormDefinition definition,
			Map<String, Answer> answers) {

		/** Indexes (in the definition) of the steps shown for the current answers. */
		public List<Integer> visibleSteps() {
			List<Integer> visible = new ArrayList<>();
			for (int i = 0; i < definition.steps().size(); i++) {
				if (FormDefinition.holds(definition.steps().get(i).condition(), answers)) {
					visible.add(i);
				}
			}
			return visible;
		}

		public boolean shown(Field field) {
			return FormDefinition.holds(field.condition(), answers);
		}
	}

	/** The outcome of a step: errors per field, or the next step to show ({@code -1}: the summary). */
	public record StepOutcome(Map<String, FieldError> errors, int next, Filling filling) {

		public boolean ok() {
			return errors.isEmpty();
		}
	}

	private String account() {
		return currentUser.principal()
			.map(OrchestraPrincipal::getUsername)
			.orElseThrow(() -> new FormsException("forms.error.sign-in", 401));
	}

	/** Starts a new draft of the published version of a form. */
	public Submission start(String key, Locale locale) {
		FormDesign.Published published = design.published(key)
			.orElseThrow(() -> new FormsException("forms.error.not-found", 404));
		if (design.offeredBy(published.form().id()).isEmpty()) {
			throw new FormsException("forms.error.not-offered", 409);
		}
		String account = account();
		String email = identity.findAccount(account).map(a -> a.email()).orElse(null);
		return submissions.save(new Submission(published.form().id(), published.version().id(), account, email,
				language(locale)));
	}

	@Transactional(readOnly = true)
	public List<Submission> mine() {
		return submissions.findByAccountOrderByUpdatedAtDesc(account());
	}

	/** One of the caller's submissions, with its version and answers; other people's are not found. */
	@Transactional(readOnly = true)
	public Filling find(UUID id) {
		Submission submission = submissions.findByIdAndAccount(id, account())
			.orElseThrow(() -> new FormsException("forms.error.not-found", 404));
		return filling(submission);
	}

	Filling filling(Submission submission) {
		FormVersion version = versions.findById(submission.versionId()).orElseThrow();
		Form form = forms.findById(submission.formId()).orElseThrow();
		return new Filling(submission, form, version, design.definition(version), json.readAnswers(submission.answersJson()));
	}

	/** Checks and saves one step; the draft keeps the answers even when the citizen leaves. */
	public StepOutcome saveStep(UUID id, int index, StepInput input, Locale locale) {
		Submission submission = submissions.findByIdAndAccount(id, account())
			.orElseThrow(() -> new FormsException("forms.error.not-found", 404));
		if (submission.status().sent()) {
			throw new FormsException("forms.error.already-sent", 409);
		}
		Filling filling = filling(submission);
		List<Step> steps = filling.definition().steps();
		if (index < 0 || index >= steps.size() || !filling.visibleSteps().contains(index)) {
			throw new FormsException("forms.error.step-not-found", 404);
		}
		AnswerChecker.Result result = checker.check(steps.get(index), input, filling.answers());
		if (!result.errors().isEmpty()) {
			return new StepOutcome(result.errors(), index, filling);
		}
		Map<String, Answer> answers = result.answers();
		Filling updated = new Filling(submission, filling.form(), filling.version(), filling.definition(), answers);
		int next = updated.visibleSteps().stream().filter(i -> i > index).findFirst().orElse(-1);
		submission.saveStep(json.writeAnswers(answers), next < 0 ? steps.size() : next, language(locale));
		return new StepOutcome(Map.of(), next, updated);
	}

	/** Organisations a submission can be sent to: those that offer the form. */
	@Transactional(readOnly = true)
	public List<Organisation> destinations(UUID formId) {
		List<Organisation> result = new ArrayList<>();
		for (String id : design.offeredBy(formId)) {
			organisations.find(OrganisationId.of(id)).ifPresent(result::add);
		}
		return result;
	}

	/** Problems that prevent sending: missing answers per step, or a destination that does not offer the form. */
	public record Refusal(Map<String, FieldError> errors, int step) {
	}

	/**
	 * Sends the draft: every shown step is complete, answers of hidden fields are dropped, the destination offers
	 * the form. The submission then gets its reference and can no longer change.
	 */
	public Submission submit(UUID id, @Nullable String destination, Locale locale) {
		Submission submission = submissions.findByIdAndAccount(id, account())
			.orElseThrow(() -> new FormsException("forms.error.not-found", 404));
		if (submission.status().sent()) {
			throw new FormsException("forms.error.already-sent", 409);
		}
		Filling filling = filling(submission);
		FormDefinition definition = filling.definition();
		Map<String, Answer> kept = new LinkedHashMap<>();
		for (int i = 0; i < definition.steps().size(); i++) {
			Step step = definition.steps().get(i);
			if (!FormDefinition.holds(step.condition(), kept)) {
				continue;
			}
			for (Field field : step.fields()) {
				if (!FormDefinition.holds(field.condition(), kept)) {
					continue;
				}
				Answer answer = filling.answers().get(field.key());
				if (answer != null) {
					kept.put(field.key(), answer);
				}
				else if (field.required()) {
					throw new SubmissionIncompleteException(i, field.key());
				}
			}
		}
		Routing routing = definition.routingOrDefault();
		String organisation;
		String reason;
		java.util.Set<String> offered = design.offeredBy(submission.formId());
		if (Routing.ADDRESS.equals(routing.mode())) {
			Answer address = kept.get(routing.addressField());
			String nis = address == null ? null : address.nisCode();
			organisation = organisations.all()
				.stream()
				.filter(o -> o.type() == OrganisationType.COMMUNE && nis != null && nis.equals(o.nisCode()))
				.map(o -> o.id().value())
				.findFirst()
				.orElse(null);
			if (organisation == null || !offered.contains(organisation)) {
				throw new FormsException("forms.error.commune-not-offering", 422);
			}
			reason = "address:" + nis;
		}
		else {
			if (destination == null || !offered.contains(destination)) {
				throw new FormsException("forms.error.destination", 422);
			}
			organisation = destination;
			reason = "chosen";
		}
		String reference = "F-" + Year.now().getValue() + "-"
				+ String.format("%06d", jdbc.queryForObject("select nextval('forms_reference_seq')", Long.class));
		submission.send(reference, organisation, reason, json.writeAnswers(kept));
		history.save(new SubmissionEvent(submission.id(), currentUser.actorName(), "sent", SubmissionStatus.RECEIVED,
				null, true));
		events.publishEvent(new FormSubmitted(submission.id(), reference, filling.form().key(),
				filling.version().number(), organisation, currentUser.actorName()));
		return submission;
	}

	/** A required answer is missing on a step that is shown. */
	public static class SubmissionIncompleteException extends FormsException {

		private final int step;
		private final String field;

		SubmissionIncompleteException(int step, String field) {
			super("forms.error.incomplete", 422);
			this.step = step;
			this.field = field;
		}

		public int step() {
			return step;
		}

		public String field() {
			return field;
		}
	}

	/** Deletes one of the caller's drafts; sent submissions cannot be deleted. */
	public void deleteDraft(UUID id) {
		Submission submission = submissions.findByIdAndAccount(id, account())
			.orElseThrow(() -> new FormsException("forms.error.not-found", 404));
		if (submission.status().sent()) {
			throw new FormsException("forms.error.already-sent", 409);
		}
		submissions.delete(submission);
	}

	/** The citizen answers a request for more information. */
	public void reply(UUID id, String message) {
		Submission submission = submissions.findByIdAndAccount(id, account())
			.orElseThrow(() -> new FormsException("forms.error.not-found", 404));
		String text = AnswerChecker.clean(message);
		if (text.isEmpty() || text.length() > 4000) {
			throw new FormsException("forms.error.message", 400);
		}
		submission.citizenReplied();
		history.save(new SubmissionEvent(submission.id(), currentUser.actorName(), "replied", submission.status(),
				text, true));
		events.publishEvent(new SubmissionChanged(submission.id(), String.valueOf(submission.reference()), "replied",
				submission.status(), String.valueOf(submission.organisationId()), currentUser.actorName(), false));
	}

	/** What the citizen may see of the history. */
	@Transactional(readOnly = true)
	public List<SubmissionEvent> history(UUID id) {
		Submission submission = submissions.findByIdAndAccount(id, account())
			.orElseThrow(() -> new FormsException("forms.error.not-found", 404));
		return history.findBySubmissionIdOrderByAtAsc(submission.id()).stream().filter(SubmissionEvent::visible).toList();
	}

	/** Content of a file answer of the caller's own submission. */
	@Transactional(readOnly = true)
	public Optional<Answer> file(UUID id, String fieldKey) {
		return Optional.ofNullable(find(id).answers().get(fieldKey)).filter(a -> a.sha256() != null);
	}

	static String language(Locale locale) {
		return switch (locale.getLanguage()) {
			case "nl", "en" -> locale.getLanguage();
			default -> "fr";
		};
	}
}
