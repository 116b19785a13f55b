package org.orchestra.incident;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An organisation's outbound webhook: its contractor's or back-office system's URL, notified of assignments and
 * transfers. Deliveries are signed with the secret (HMAC-SHA256).
 */
@Entity
@Table(name = "incident_webhook")
public class Webhook {

	@Id
	private UUID id;

	@Column(name = "organisation_id", nullable = false)
	private String organisationId;

	@Column(nullable = false)
	private String url;

	@Column(nullable = false)
	private String secret;

	@Column(nullable = false)
	private boolean active = true;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Webhook() {
	}

	Webhook(String organisationId, String url, String secret) {
		this.id = UUID.randomUUID();
		this.organisationId = organisationId;
		this.url = url;
		this.secret = secret;
		this.createdAt = Instant.now();
	}

	void deactivate() {
		active = false;
	}

	public UUID id() {
		return id;
	}

	public String organisationId() {
		return organisationId;
	}

	public String url() {
		return url;
	}

	String secret() {
		return secret;
	}

	public boolean active() {
		return active;
	}
}
