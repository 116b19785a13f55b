package org.orchestra.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** One notification to a webhook, delivered with retries and exponential back-off. */
@Entity
@Table(name = "incident_webhook_delivery")
public class WebhookDelivery {

	static final int MAX_ATTEMPTS = 8;

	@Id
	private UUID id;

	@Column(name = "webhook_id", nullable = false)
	private UUID webhookId;

	@Column(nullable = false)
	private String payload;

	@Column(nullable = false)
	private String status = "PENDING";

	@Column(nullable = false)
	private int attempts;

	@Column(name = "next_attempt_at", nullable = false)
	private Instant nextAttemptAt;

	@Column(name = "last_error")
	private @Nullable String lastError;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected WebhookDelivery() {
	}

	WebhookDelivery(UUID webhookId, String payload) {
		this.id = UUID.randomUUID();
		this.webhookId = webhookId;
		this.payload = payload;
		this.createdAt = Instant.now();
		this.nextAttemptAt = createdAt;
	}

	void delivered() {
		attempts++;
		status = "DELIVERED";
		lastError = null;
	}

	void failed(String error, Instant now) {
		attempts++;
		lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
		if (attempts >= MAX_ATTEMPTS) {
			status = "FAILED";
		}
		else {
			long seconds = Math.min(3600, 15L << Math.min(attempts - 1, 12));
			nextAttemptAt = now.plus(Duration.ofSeconds(seconds));
		}
	}

	public UUID id() {
		return id;
	}

	public UUID webhookId() {
		return webhookId;
	}

	public String payload() {
		return payload;
	}

	public String status() {
		return status;
	}

	public int attempts() {
		return attempts;
	}

	public Instant nextAttemptAt() {
		return nextAttemptAt;
	}

	public @Nullable String lastError() {
		return lastError;
	}
}
