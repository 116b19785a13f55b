package org.orchestra.forms;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.identity.CurrentUser;
import org.orchestra.identity.IdentityManagement;
import org.orchestra.shared.RoleContribution;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forms module's facade for the desk: the submissions sent to the organisation the agent acts for, and their
 * handling (assign, answer, change status). Another organisation's submissions are never found.
 */
@Service
@Transactional
public class FormDesk {

	private final Submissions submissions;
	private final SubmissionEvents history;
	private final FormFilling filling;
	private final CurrentUser currentUser;
	private final IdentityManagement identity;
	private final ApplicationEventPublisher events;

	FormDesk(Submissions submissions, SubmissionEvents history, FormFilling filling, CurrentUser currentUser,
			IdentityManagement identity, ApplicationEventPublisher events) {
		this.submissions = submissions;
		this.history = history;
		this.filling = filling;
		this.currentUser = currentUser;
		this.identity = identity;
		this.events = events;
	}

	private OrganisationId organisation() {
		return currentUser.organisation().orElseThrow(() -> new FormsException("forms.error.no-organisation", 403));
	}

	/** The organisation's queue, newest first; without a status, every sent submission. */
	@Transactional(readOnly = true)
	public Page<Submission> queue(@Nullable SubmissionStatus status, @Nullable UUID formId, int page, int size) {
		Set<SubmissionStatus> statuses = status == null || status == SubmissionStatus.DRAFT
				? EnumSet.complementOf(EnumSet.of(SubmissionStatus.DRAFT)) : EnumSet.of(status);
		PageRequest request = PageRequest.of(Math.max(0, Math.min(page, 10_000)), size);
		String org = organisation().value();
		return formId == null ? submissions.queue(org, statuses, request)
				: submissions.queueOfForm(org, statuses, formId, request);
	}

	@Transactional(readOnly = true)
	public FormFilling.Filling find(UUID id) {
		return filling.filling(own(id));
	}

	private Submission own(UUID id) {
		return submissions.findByIdAndOrganisationId(id, organisation().value())
			.orElseThrow(() -> new FormsException("forms.error.not-found", 404));
	}

	@Transactional(readOnly = true)
	public List<SubmissionEvent> history(UUID id) {
		return history.findBySubmissionIdOrderByAtAsc(own(id).id());
	}

	/** Agents of the organisation to whom a submission can be assigned. */
	@Transactional(readOnly = true)
	public List<String> agents() {
		OrganisationId org = organisation();
		java.util.TreeSet<String> names = new java.util.TreeSet<>(identity.usernamesWithRole(org, RoleContribution.AGENT));
		names.addAll(identity.usernamesWithRole(org, RoleContribution.ORG_ADMIN));
		return List.copyOf(names);
	}

	public void assign(UUID id, @Nullable String assignee) {
		Submission submission = own(id);
		String clean = assignee == null ? null : assignee.strip();
		if (clean != null && !clean.isEmpty() && !agents().contains(clean)) {
			throw new FormsException("forms.error.assignee", 400);
		}
		submission.assign(clean);
		if (submission.status() == SubmissionStatus.RECEIVED) {
			submission.changeStatus(SubmissionStatus.IN_PROGRESS, null);
		}
		record(submission, "assigned", clean, false);
	}

	public void changeStatus(UUID id, SubmissionStatus status, @Nullable String reason) {
		Submission submission = own(id);
		String clean = reason == null ? null : AnswerChecker.clean(reason);
		if (clean != null && clean.length() > 2000) {
			throw new FormsException("forms.error.message", 400);
		}
		submission.changeStatus(status, clean);
		record(submission, "status", clean, true);
	}

	/** A message to the citizen, shown in their follow-up and e-mailed. */
	public void answer(UUID id, String message) {
		Submission submission = own(id);
		String text = AnswerChecker.clean(message);
		if (text.isEmpty() || text.length() > 4000) {
			throw new FormsException("forms.error.message", 400);
		}
		submission.requireOpen();
		record(submission, "answered", text, true);
	}

	/** An internal note, never shown to the citizen. */
	public void note(UUID id, String message) {
		Submission submission = own(id);
		String text = AnswerChecker.clean(message);
		if (text.isEmpty() || text.length() > 4000) {
			throw new FormsException("forms.error.message", 400);
		}
		record(submission, "noted", text, false);
	}

	/** Content of a file answer of a submission of the organisation. */
	@Transactional(readOnly = true)
	public Optional<Answer> file(UUID id, String fieldKey) {
		return Optional.ofNullable(find(id).answers().get(fieldKey)).filter(a -> a.sha256() != null);
	}

	private void record(Submission submission, String type, @Nullable String note, boolean visible) {
		history.save(new SubmissionEvent(submission.id(), currentUser.actorName(), type, submission.status(), note,
				visible));
		events.publishEvent(new SubmissionChanged(submission.id(), String.valueOf(submission.reference()), type,
				submission.status(), String.valueOf(submission.organisationId()), currentUser.actorName(), visible));
	}
}
