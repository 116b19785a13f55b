package org.orchestra.forms;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** One entry of a submission's history; {@code visible} entries are shown to the citizen. */
@Entity
@Table(name = "forms_submission_event")
public class SubmissionEvent {

	@Id
	private UUID id;

	@Column(name = "submission_id", nullable = false)
	private UUID submissionId;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false)
	private String actor;

	@Column(nullable = false)
	private String type;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SubmissionStatus status;

	private @Nullable String note;

	@Column(nullable = false)
	private boolean visible;

	protected SubmissionEvent() {
	}

	SubmissionEvent(UUID submissionId, String actor, String type, SubmissionStatus status, @Nullable String note,
			boolean visible) {
		this.id = UUID.randomUUID();
		this.submissionId = submissionId;
		this.at = Instant.now();
		this.actor = actor;
		this.type = type;
		this.status = status;
		this.note = note;
		this.visible = visible;
	}

	public UUID id() {
		return id;
	}

	public Instant at() {
		return at;
	}

	public String actor() {
		return actor;
	}

	public String type() {
		return type;
	}

	public SubmissionStatus status() {
		return status;
	}

	public @Nullable String note() {
		return note;
	}

	public boolean visible() {
		return visible;
	}
}
