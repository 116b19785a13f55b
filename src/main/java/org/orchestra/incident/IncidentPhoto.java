package org.orchestra.incident;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A sanitised photo of a report (re-encoded JPEG without metadata), stored by its SHA-256. */
@Entity
@Table(name = "incident_photo")
public class IncidentPhoto {

	@Id
	private UUID id;

	@Column(name = "report_id", nullable = false)
	private long reportId;

	@Column(nullable = false)
	private String sha256;

	@Column(nullable = false)
	private int width;

	@Column(nullable = false)
	private int height;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Visibility visibility;

	@Column(name = "added_at", nullable = false)
	private Instant addedAt;

	protected IncidentPhoto() {
	}

	IncidentPhoto(long reportId, String sha256, int width, int height, Visibility visibility) {
		this.id = UUID.randomUUID();
		this.reportId = reportId;
		this.sha256 = sha256;
		this.width = width;
		this.height = height;
		this.visibility = visibility;
		this.addedAt = Instant.now();
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

	public String sha256() {
		return sha256;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public Visibility visibility() {
		return visibility;
	}

	public Instant addedAt() {
		return addedAt;
	}
}
