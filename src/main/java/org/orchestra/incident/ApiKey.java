package org.orchestra.incident;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An Open311 client's API key; only its SHA-256 is kept. */
@Entity
@Table(name = "incident_api_key")
public class ApiKey {

	@Id
	private UUID id;

	@Column(nullable = false)
	private String client;

	@Column(name = "key_hash", nullable = false, unique = true)
	private String keyHash;

	@Column(nullable = false)
	private String prefix;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false)
	private String createdBy;

	@Column(nullable = false)
	private boolean active = true;

	/** The organisation whose back-office system uses this key to post updates; null for reporting clients. */
	@Column(name = "organisation_id")
	private @org.jspecify.annotations.Nullable String organisationId;

	protected ApiKey() {
	}

	ApiKey(String client, String keyHash, String prefix, String createdBy,
			@org.jspecify.annotations.Nullable String organisationId) {
		this.organisationId = organisationId;
		this.id = UUID.randomUUID();
		this.client = client;
		this.keyHash = keyHash;
		this.prefix = prefix;
		this.createdAt = Instant.now();
		this.createdBy = createdBy;
	}

	void revoke() {
		active = false;
	}

	public UUID id() {
		return id;
	}

	public String client() {
		return client;
	}

	public String prefix() {
		return prefix;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public String createdBy() {
		return createdBy;
	}

	public @org.jspecify.annotations.Nullable String organisationId() {
		return organisationId;
	}

	public boolean active() {
		return active;
	}
}
