package org.orchestra.territory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** One run of an import, with its progress and report. */
@Entity
@Table(name = "territory_import")
public class ImportJob {

	/** Where a job stands. */
	public enum Status {
		RUNNING, SUCCEEDED, FAILED
	}

	@Id
	private UUID id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ImportKind kind;

	@Column(nullable = false)
	private String filename;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status = Status.RUNNING;

	@Column(name = "started_at", nullable = false)
	private Instant startedAt;

	@Column(name = "finished_at")
	private @Nullable Instant finishedAt;

	@Column(name = "started_by", nullable = false)
	private String startedBy;

	@Column(name = "read_count", nullable = false)
	private int readCount;

	@Column(name = "imported_count", nullable = false)
	private int importedCount;

	@Column(name = "rejected_count", nullable = false)
	private int rejectedCount;

	@Column(nullable = false)
	private String report = "";

	protected ImportJob() {
	}

	ImportJob(ImportKind kind, String filename, String startedBy) {
		this.id = UUID.randomUUID();
		this.kind = kind;
		this.filename = filename.length() > 250 ? filename.substring(0, 250) : filename;
		this.startedBy = startedBy;
		this.startedAt = Instant.now();
	}

	void progress(int read) {
		this.readCount = read;
	}

	void finish(ImportReport result) {
		this.readCount = result.read();
		this.rejectedCount = result.rejections().size();
		this.importedCount = result.succeeded() ? result.imported() : 0;
		this.status = result.succeeded() ? Status.SUCCEEDED : Status.FAILED;
		this.report = result.text(200);
		this.finishedAt = Instant.now();
	}

	public UUID id() {
		return id;
	}

	public ImportKind kind() {
		return kind;
	}

	public String filename() {
		return filename;
	}

	public Status status() {
		return status;
	}

	public Instant startedAt() {
		return startedAt;
	}

	public @Nullable Instant finishedAt() {
		return finishedAt;
	}

	public String startedBy() {
		return startedBy;
	}

	public int readCount() {
		return readCount;
	}

	public int importedCount() {
		return importedCount;
	}

	public int rejectedCount() {
		return rejectedCount;
	}

	public String report() {
		return report;
	}
}
