package org.orchestra.incident;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * One line of a report's timeline. Public events are shown to everyone (without the reporter's identity);
 * private and confidential ones only to the staff allowed to see them.
 */
@Entity
@Table(name = "incident_event")
public class IncidentEvent {

	@Id
	private UUID id;

	@Column(name = "report_id", nullable = false)
	private long reportId;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false)
	private String type;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Visibility visibility;

	@Column(nullable = false)
	private String actor;

	@Column(name = "organisation_id")
	private @Nullable String organisationId;

	private @Nullable String note;

	protected IncidentEvent() {
	}

	IncidentEvent(long reportId, String type, Visibility visibility, String actor, @Nullable String organisationId,
			@Nullable String note) {
		this.id = UUID.randomUUID();
		this.reportId = reportId;
		this.at = Instant.now();
		this.type = type;
		this.visibility = visibility;
		this.actor = actor;
		this.organisationId = organisationId;
		this.note = note == null || note.length() <= 4000 ? note : note.substring(0, 4000);
	}

	public UUID id() {
		return id;
	}

	public long reportId() {
		return reportId;
	}

	public Instant at() {
		return at;
	}

	/** Event code, e.g. {@code accepted}; its label is the message {@code incident.event.<type>}. */
	public String type() {
		return type;
	}

	public Visibility visibility() {
		return visibility;
	}

	public String actor() {
		return actor;
	}

	public @Nullable String organisationId() {
		return organisationId;
	}

	public @Nullable String note() {
		return note;
	}
}
