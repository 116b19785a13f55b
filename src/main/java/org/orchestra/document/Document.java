package org.orchestra.document;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A document held for an organisation: uploaded or issued. Tenant-scoped: only its organisation sees it.
 */
@Entity
@Table(name = "document_document")
public class Document {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "organisation_id", nullable = false, updatable = false)
	private String organisationId;

	@Column(nullable = false)
	private String title;

	@Column(nullable = false)
	private String filename;

	@Column(name = "content_type", nullable = false)
	private String contentType;

	@Column(name = "size_bytes", nullable = false)
	private long size;

	@Column(nullable = false)
	private String sha256;

	@Column(name = "verification_code")
	private @Nullable String verificationCode;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false)
	private String createdBy;

	protected Document() {
	}

	Document(String title, String filename, String contentType, long size, String sha256,
			@Nullable String verificationCode, String createdBy) {
		this.id = UUID.randomUUID();
		this.title = title;
		this.filename = filename;
		this.contentType = contentType;
		this.size = size;
		this.sha256 = sha256;
		this.verificationCode = verificationCode;
		this.createdAt = Instant.now();
		this.createdBy = createdBy;
	}

	void retitle(String title) {
		this.title = title;
	}

	public UUID id() {
		return id;
	}

	public String organisationId() {
		return organisationId;
	}

	public String title() {
		return title;
	}

	public String filename() {
		return filename;
	}

	public String contentType() {
		return contentType;
	}

	public long size() {
		return size;
	}

	public String sha256() {
		return sha256;
	}

	public @Nullable String verificationCode() {
		return verificationCode;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public String createdBy() {
		return createdBy;
	}
}
