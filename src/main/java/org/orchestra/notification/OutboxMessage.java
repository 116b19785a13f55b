package org.orchestra.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
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

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "notification_attachment", joinColumns = @JoinColumn(name = "message_id"))
	@OrderColumn(name = "seq")
	private List<StoredAttachment> attachments = new ArrayList<>();

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

	void attach(List<MailAttachment> files) {
		for (MailAttachment file : files) {
			attachments.add(new StoredAttachment(file.fileName(), file.contentType(), file.content()));
		}
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
		attachments.clear();
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

	/** The files sent with the message (none once it is erased). */
	public List<MailAttachment> attachments() {
		return attachments.stream().map(a -> new MailAttachment(a.fileName, a.contentType, a.content)).toList();
	}

	/** A file stored with its message. */
	@Embeddable
	static class StoredAttachment {

		@Column(name = "file_name", nullable = false)
		String fileName;

		@Column(name = "content_type", nullable = false)
		String contentType;

		@Column(nullable = false)
		byte[] content;

		protected StoredAttachment() {
		}

		StoredAttachment(String fileName, String contentType, byte[] content) {
			this.fileName = fileName;
			this.contentType = contentType;
			this.content = content;
		}
	}
}
