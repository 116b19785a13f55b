package org.orchestra.notification;

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

/**
 * A message waiting in, or delivered from, the outbox of an organisation.
 */
@Entity
@Table(name = "notification_message")
public class OutboxMessage {

	static final String ERASED = "[erased]";

	@Id
	private UUID id;

	@TenantId
	@Column(name = "organisation_id", nullable = false, updatable = false)
	private String organisationId;

	@Column(nullable = false)
	private String channel = "EMAIL";

	@Column(nullable = false)
	private String recipient;

	@Column(nullable = false)
	private String locale;

	@Column(nullable = false)
	private String template;

	@Column(nullable = false)
	private String subject;

	@Column(nullable = false)
	private String body;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MessageStatus status = MessageStatus.PENDING;

	@Column(nullable = false)
	private int attempts;

	@Column(name = "next_attempt_at", nullable = false)
	private Instant nextAttemptAt;

	@Column(name = "last_error")
	private @Nullable String lastError;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "sent_at")
	private @Nullable Instant sentAt;

	@Column(nullable = false)
	private boolean erased;

	@Version
	private long version;

	protected OutboxMessage() {
	}

	OutboxMessage(String organisationId, String recipient, String locale, String template, String subject,
			String body) {
		this.id = UUID.randomUUID();
		this.organisationId = organisationId;
		this.recipient = recipient;
		this.locale = locale;
		this.template = template;
		this.subject = subject;
		this.body = body;
		this.createdAt = Instant.now();
		this.nextAttemptAt = createdAt;
	}

	void sent(Instant at) {
		status = MessageStatus.SENT;
		attempts++;
		sentAt = at;
		lastError = null;
	}

	void attemptFailed(String error, Instant now, NotificationProperties properties) {
		attempts++;
		lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
		if (attempts >= properties.maxAttempts()) {
			status = MessageStatus.FAILED;
		}
		else {
			status = MessageStatus.PENDING;
			nextAttemptAt = now.plus(properties.backoffAfter(attempts));
		}
	}

	void retry(Instant now) {
		if (status == MessageStatus.FAILED) {
			status = MessageStatus.PENDING;
			attempts = 0;
			nextAttemptAt = now;
		}
	}

	void erase() {
		recipient = ERASED;
		body = ERASED;
		erased = true;
	}

	public UUID id() {
		return id;
	}

	public String organisationId() {
		return organisationId;
	}

	public String channel() {
		return channel;
	}

	public String recipient() {
		return recipient;
	}

	public String locale() {
		return locale;
	}

	public String template() {
		return template;
	}

	public String subject() {
		return subject;
	}

	public String body() {
		return body;
	}

	public MessageStatus status() {
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

	public Instant createdAt() {
		return createdAt;
	}

	public @Nullable Instant sentAt() {
		return sentAt;
	}

	public boolean erased() {
		return erased;
	}
}
