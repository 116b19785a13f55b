package org.orchestra.opendata;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** One harvest run of a source: its progress while it runs, its report when it ends. */
@Entity
@Table(name = "opendata_harvest_job")
public class HarvestJob {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "organisation_id", nullable = false, updatable = false)
	private String organisationId;

	@Column(name = "source_id", nullable = false)
	private UUID sourceId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private JobStatus status;

	@Column(name = "triggered_by", nullable = false)
	private String triggeredBy;

	@Column(name = "started_at", nullable = false)
	private Instant startedAt;

	@Column(name = "finished_at")
	private @Nullable Instant finishedAt;

	@Column(nullable = false)
	private int pages;

	@Column(nullable = false)
	private int seen;

	@Column(nullable = false)
	private int created;

	@Column(nullable = false)
	private int updated;

	@Column(nullable = false)
	private int unchanged;

	@Column(nullable = false)
	private int withdrawn;

	@Column(nullable = false)
	private int failed;

	/** Why the run failed (a message key or the source's error), when it did. */
	private @Nullable String message;

	protected HarvestJob() {
		this.id = UUID.randomUUID();
		this.sourceId = new UUID(0, 0);
		this.status = JobStatus.RUNNING;
		this.triggeredBy = "";
		this.startedAt = Instant.EPOCH;
	}

	HarvestJob(UUID sourceId, String triggeredBy, Instant now) {
		this();
		this.sourceId = sourceId;
		this.triggeredBy = triggeredBy;
		this.startedAt = now;
	}

	void progress(int pages, int seen, int created, int updated, int unchanged, int failed) {
		this.pages = pages;
		this.seen = seen;
		this.created = created;
		this.updated = updated;
		this.unchanged = unchanged;
		this.failed = failed;
	}

	void succeed(int withdrawn, Instant now) {
		this.withdrawn = withdrawn;
		this.status = JobStatus.SUCCEEDED;
		this.finishedAt = now;
	}

	void fail(String message, Instant now) {
		this.status = JobStatus.FAILED;
		this.message = message.length() > 2000 ? message.substring(0, 2000) : message;
		this.finishedAt = now;
	}

	public UUID id() {
		return id;
	}

	public String organisationId() {
		return organisationId;
	}

	public UUID sourceId() {
		return sourceId;
	}

	public JobStatus status() {
		return status;
	}

	public String triggeredBy() {
		return triggeredBy;
	}

	public Instant startedAt() {
		return startedAt;
	}

	public @Nullable Instant finishedAt() {
		return finishedAt;
	}

	public int pages() {
		return pages;
	}

	public int seen() {
		return seen;
	}

	public int created() {
		return created;
	}

	public int updated() {
		return updated;
	}

	public int unchanged() {
		return unchanged;
	}

	public int withdrawn() {
		return withdrawn;
	}

	public int failed() {
		return failed;
	}

	public @Nullable String message() {
		return message;
	}
}
