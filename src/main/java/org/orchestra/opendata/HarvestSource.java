package org.orchestra.opendata;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** Another catalogue that an organisation harvests into the portal, with the limits that protect the harvest. */
@Entity
@Table(name = "opendata_source")
public class HarvestSource {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "organisation_id", nullable = false, updatable = false)
	private String organisationId;

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SourceKind kind;

	@Column(nullable = false)
	private String url;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Schedule schedule;

	@Column(nullable = false)
	private boolean enabled;

	/** The publisher given to records that name none. */
	@Column(name = "publisher_id")
	private @Nullable String publisherId;

	@Column(name = "page_size", nullable = false)
	private int pageSize;

	@Column(name = "max_pages", nullable = false)
	private int maxPages;

	@Column(name = "max_bytes", nullable = false)
	private long maxBytes;

	@Column(name = "timeout_seconds", nullable = false)
	private int timeoutSeconds;

	@Column(name = "next_run_at")
	private @Nullable Instant nextRunAt;

	@Column(name = "last_job_id")
	private @Nullable UUID lastJobId;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected HarvestSource() {
		this.id = UUID.randomUUID();
		this.name = "";
		this.kind = SourceKind.DCAT;
		this.url = "";
		this.schedule = Schedule.MANUAL;
		this.createdAt = Instant.EPOCH;
	}

	HarvestSource(String name, SourceKind kind, String url, Schedule schedule, @Nullable String publisherId,
			int pageSize, int maxPages, long maxBytes, int timeoutSeconds, Instant now) {
		this();
		this.createdAt = now;
		update(name, kind, url, schedule, true, publisherId, pageSize, maxPages, maxBytes, timeoutSeconds, now);
	}

	void update(String name, SourceKind kind, String url, Schedule schedule, boolean enabled,
			@Nullable String publisherId, int pageSize, int maxPages, long maxBytes, int timeoutSeconds, Instant now) {
		this.name = name;
		this.kind = kind;
		this.url = url;
		this.schedule = schedule;
		this.enabled = enabled;
		this.publisherId = publisherId;
		this.pageSize = pageSize;
		this.maxPages = maxPages;
		this.maxBytes = maxBytes;
		this.timeoutSeconds = timeoutSeconds;
		this.nextRunAt = enabled ? schedule.interval().map(now::plus).orElse(null) : null;
	}

	void ran(UUID jobId, Instant now) {
		this.lastJobId = jobId;
		this.nextRunAt = enabled ? schedule.interval().map(now::plus).orElse(null) : null;
	}

	public UUID id() {
		return id;
	}

	public String organisationId() {
		return organisationId;
	}

	public String name() {
		return name;
	}

	public SourceKind kind() {
		return kind;
	}

	public String url() {
		return url;
	}

	public Schedule schedule() {
		return schedule;
	}

	public boolean enabled() {
		return enabled;
	}

	public @Nullable String publisherId() {
		return publisherId;
	}

	public int pageSize() {
		return pageSize;
	}

	public int maxPages() {
		return maxPages;
	}

	public long maxBytes() {
		return maxBytes;
	}

	public int timeoutSeconds() {
		return timeoutSeconds;
	}

	public @Nullable Instant nextRunAt() {
		return nextRunAt;
	}

	public @Nullable UUID lastJobId() {
		return lastJobId;
	}

	public Instant createdAt() {
		return createdAt;
	}
}
