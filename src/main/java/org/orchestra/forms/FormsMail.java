package org.orchestra.forms;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.orchestra.notification.NotificationManagement;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** E-mails to citizens: the receipt of a sent form, and every change of it they can see. */
@Component
class FormsMail {

	private final NotificationManagement notifications;
	private final Submissions submissions;
	private final SubmissionEvents history;
	private final FormVersions versions;
	private final FormDesign design;
	private final OrganisationDirectory organisations;
	private final MessageSource messages;
	private final FormsProperties properties;

	FormsMail(NotificationManagement notifications, Submissions submissions, SubmissionEvents history,
			FormVersions versions, FormDesign design, OrganisationDirectory organisations, MessageSource messages,
			FormsProperties properties) {
		this.notifications = notifications;
		this.submissions = submissions;
		this.history = history;
		this.versions = versions;
		this.design = design;
		this.organisations = organisations;
		this.messages = messages;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(FormSubmitted event) {
		Submission submission = submissions.findById(event.submissionId()).orElse(null);
		if (submission == null || submission.email() == null) {
			return;
		}
		Locale locale = Locale.of(submission.locale());
		notifications.sendEmail(OrganisationId.of(event.organisation()), submission.email(), locale, "forms/received",
				variables(submission, locale));
	}

	@ApplicationModuleListener
	void on(SubmissionChanged event) {
		if (!event.visible()) {
			return;
		}
		Submission submission = submissions.findById(event.submissionId()).orElse(null);
		if (submission == null || submission.email() == null || submission.organisationId() == null) {
			return;
		}
		Locale locale = Locale.of(submission.locale());
		Map<String, Object> variables = variables(submission, locale);
		variables.put("status", messages.getMessage("forms.status." + submission.status(), null,
				submission.status().name(), locale));
		String note = history.findBySubmissionIdOrderByAtAsc(submission.id())
			.stream()
			.filter(SubmissionEvent::visible)
			.reduce((first, second) -> second)
			.map(SubmissionEvent::note)
			.orElse(null);
		variables.put("note", note == null ? "" : note);
		notifications.sendEmail(OrganisationId.of(submission.organisationId()), submission.email(), locale,
				"forms/updated", variables);
	}

	private Map<String, Object> variables(Submission submission, Locale locale) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("reference", String.valueOf(submission.reference()));
		variables.put("form", versions.findById(submission.versionId())
			.map(v -> design.definition(v).title().in(locale))
			.orElse(""));
		variables.put("organisation", submission.organisationId() == null ? ""
				: organisations.nameOf(OrganisationId.of(submission.organisationId()), locale));
		variables.put("link", properties.publicUrl().replaceAll("/+$", "") + "/forms/submissions/" + submission.id());
		return variables;
	}
}
