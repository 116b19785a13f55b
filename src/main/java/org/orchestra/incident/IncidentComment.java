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

/** A comment on a report, public, private or confidential. */
@Entity
@Table(name = "incident_comment")
public class IncidentComment {

	@Id
	private UUID id;

	@Column(name = "report_id", nullable = false)
	private long reportId;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false)
	private String author;

	@Column(name = "organisation_id")
	private @Nullable String organisationId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Visibility visibility;

	@Column(nullable = false)
	private String text;

	protected IncidentComment() {
	}

	IncidentComment(long reportId, String author, @Nullable String organisationId, Visibility visibility, String text) {
		this.id = UUID.randomUUID();
		this.reportId = reportId;
		this.at = Instant.now();
		this.author = author;
		this.organisationId = organisationId;
		this.visibility = visibility;
		this.text = text;
	}

	void moveTo(long report) {
		this.reportId = report;
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

	public String author() {
		return author;
	}

	public @Nullable String organisationId() {
		return organisationId;
	}

	public Visibility visibility() {
		return visibility;
	}

	public String text() {
		return text;
	}
}
