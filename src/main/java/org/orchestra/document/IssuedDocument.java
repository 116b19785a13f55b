package org.orchestra.document;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The public register entry of an issued document: what anyone holding the verification code may check.
 */
@Entity
@Table(name = "document_verification")
public class IssuedDocument {

	@Id
	private String code;

	@Column(name = "document_id", nullable = false)
	private UUID documentId;

	@Column(name = "organisation_id", nullable = false)
	private String organisationId;

	@Column(nullable = false)
	private String title;

	@Column(nullable = false)
	private String sha256;

	@Column(name = "issued_at", nullable = false)
	private Instant issuedAt;

	@Column(nullable = false)
	private boolean revoked;

	protected IssuedDocument() {
	}

	IssuedDocument(String code, UUID documentId, String organisationId, String title, String sha256,
			Instant issuedAt) {
		this.code = code;
		this.documentId = documentId;
		this.organisationId = organisationId;
		this.title = title;
		this.sha256 = sha256;
		this.issuedAt = issuedAt;
	}

	public String code() {
		return code;
	}

	public UUID documentId() {
		return documentId;
	}

	public String organisationId() {
		return organisationId;
	}

	public String title() {
		return title;
	}

	public String sha256() {
		return sha256;
	}

	public Instant issuedAt() {
		return issuedAt;
	}

	public boolean revoked() {
		return revoked;
	}
}
