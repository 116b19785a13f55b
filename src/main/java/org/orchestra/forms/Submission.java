package org.orchestra.forms;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * A citizen's filling of one exact form version: a draft saved step by step, then, once sent, an immutable set
 * of answers routed to one organisation whose desk handles it. Back-office queries are always scoped by
 * {@code organisationId}.
 */
@Entity
@Table(name = "forms_submission")
public class Submission {

	@Id
	private UUID id;

	private @Nullable String reference;

	@Column(name = "form_id", nullable = false)
	private UUID formId;

	@Column(name = "version_id", nullable = false)
	private UUID versionId;

	private @Nullable String account;

	private @Nullable String email;

	@Column(nullable = false)
	private String locale;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SubmissionStatus status;

	@Column(name = "organisation_id")
	private @Nullable String organisationId;

	@Column(name = "routing_reason")
	private @Nullable String routingReason;

	@Column(name = "current_step", nullable = false)
	private int currentStep;

	@Column(nullable = false, length = 100000)
	private String answers;

	private @Nullable String assignee;

	@Column(name = "status_reason")
	private @Nullable String statusReason;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "submitted_at")
	private @Nullable Instant submittedAt;

	@Column(name = "erased_at")
	private @Nullable Instant erasedAt;

	@Version
	private long version;

	protected Submission() {
	}

	Submission(UUID formId, UUID versionId, String account, @Nullable String email, String locale) {
		this.id = UUID.randomUUID();
		this.formId = formId;
		this.versionId = versionId;
		this.account = account;
		this.email = email;
		this.locale = locale;
		this.status = SubmissionStatus.DRAFT;
		this.answers = "{}";
		this.createdAt = Instant.now();
		this.updatedAt = createdAt;
	}

	private void requireDraft() {
		if (status != SubmissionStatus.DRAFT) {
			throw new FormsException("forms.error.already-sent", 409);
		}
	}

	void saveStep(String newAnswers, int nextStep, String newLocale) {
		requireDraft();
		this.answers = newAnswers;
		this.currentStep = Math.max(0, nextStep);
		this.locale = newLocale;
		touch();
	}

	void send(String newReference, String organisation, String reason, String finalAnswers) {
		requireDraft();
		this.reference = newReference;
		this.organisationId = organisation;
		this.routingReason = reason;
		this.answers = finalAnswers;
		this.status = SubmissionStatus.RECEIVED;
		this.submittedAt = Instant.now();
		touch();
	}

	void assign(@Nullable String newAssignee) {
		requireOpen();
		this.assignee = newAssignee == null || newAssignee.isBlank() ? null : newAssignee;
		touch();
	}

	void changeStatus(SubmissionStatus newStatus, @Nullable String reason) {
		requireOpen();
		if (!SubmissionStatus.DESK.contains(newStatus)) {
			throw new FormsException("forms.error.status-invalid", 400);
		}
		if (newStatus == SubmissionStatus.REFUSED && (reason == null || reason.isBlank())) {
			throw new FormsException("forms.error.reason-required", 400);
		}
		this.status = newStatus;
		this.statusReason = reason == null || reason.isBlank() ? null : reason.strip();
		touch();
	}

	/** The citizen answers a request for more information: back to the desk. */
	void citizenReplied() {
		if (status != SubmissionStatus.WAITING) {
			throw new FormsException("forms.error.not-waiting", 409);
		}
		status = SubmissionStatus.IN_PROGRESS;
		touch();
	}

	void requireOpen() {
		if (!status.sent()) {
			throw new FormsException("forms.error.not-sent", 409);
		}
		if (status.closed()) {
			throw new FormsException("forms.error.closed", 409);
		}
	}

	/** Erases personal answers (kept: ids, dates, status, version). */
	void erase(String remainingAnswers) {
		this.answers = remainingAnswers;
		this.email = null;
		this.erasedAt = Instant.now();
		touch();
	}

	private void touch() {
		updatedAt = Instant.now();
	}

	public UUID id() {
		return id;
	}

	public @Nullable String reference() {
		return reference;
	}

	public UUID formId() {
		return formId;
	}

	public UUID versionId() {
		return versionId;
	}

	public @Nullable String account() {
		return account;
	}

	public @Nullable String email() {
		return email;
	}

	public String locale() {
		return locale;
	}

	public SubmissionStatus status() {
		return status;
	}

	public @Nullable String organisationId() {
		return organisationId;
	}

	public @Nullable String routingReason() {
		return routingReason;
	}

	public int currentStep() {
		return currentStep;
	}

	public String answersJson() {
		return answers;
	}

	public @Nullable String assignee() {
		return assignee;
	}

	public @Nullable String statusReason() {
		return statusReason;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public @Nullable Instant submittedAt() {
		return submittedAt;
	}

	public @Nullable Instant erasedAt() {
		return erasedAt;
	}
}
