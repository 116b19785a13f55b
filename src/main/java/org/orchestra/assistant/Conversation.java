package org.orchestra.assistant;

import java.time.Duration;
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
 * A question the assistant handed over to an agent of a commune: the question, what the assistant found (or that
 * it found nothing), and the exchange that follows. It belongs to the commune (tenant) and to the citizen's
 * account; nothing else about the citizen is copied into it.
 */
@Entity
@Table(name = "assistant_conversation")
public class Conversation {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "organisation_id", nullable = false, updatable = false)
	private String organisationId;

	@Column(name = "citizen_account", nullable = false, updatable = false)
	private UUID citizenAccount;

	@Column(nullable = false)
	private String locale;

	@Column(nullable = false)
	private String question;

	@Column(nullable = false)
	private String attempt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ConversationStatus status;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "waiting_since")
	private @Nullable Instant waitingSince;

	@Column(name = "first_response_at")
	private @Nullable Instant firstResponseAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "closed_at")
	private @Nullable Instant closedAt;

	@Version
	private long version;

	protected Conversation() {
	}

	Conversation(UUID citizenAccount, String locale, String question, String attempt, Instant now) {
		this.id = UUID.randomUUID();
		this.citizenAccount = citizenAccount;
		this.locale = locale;
		this.question = question;
		this.attempt = attempt.length() <= 4000 ? attempt : attempt.substring(0, 4000);
		this.status = ConversationStatus.WAITING;
		this.createdAt = now;
		this.waitingSince = now;
		this.updatedAt = now;
	}

	/** An agent answered; returns the first-response time when this is the first answer. */
	@Nullable
	Duration answered(Instant now) {
		Duration first = null;
		if (firstResponseAt == null) {
			firstResponseAt = now;
			first = Duration.between(createdAt, now);
		}
		if (status != ConversationStatus.CLOSED) {
			status = ConversationStatus.ANSWERED;
		}
		waitingSince = null;
		updatedAt = now;
		return first;
	}

	/** The citizen wrote again: the conversation waits for an agent (and reopens if it was closed). */
	void followedUp(Instant now) {
		status = ConversationStatus.WAITING;
		waitingSince = now;
		closedAt = null;
		updatedAt = now;
	}

	void close(Instant now) {
		status = ConversationStatus.CLOSED;
		waitingSince = null;
		closedAt = now;
		updatedAt = now;
	}

	public UUID id() {
		return id;
	}

	public String organisationId() {
		return organisationId;
	}

	public UUID citizenAccount() {
		return citizenAccount;
	}

	public String locale() {
		return locale;
	}

	public String question() {
		return question;
	}

	/** What the assistant found before the hand-off, one source per line ({@code title — link}), or empty. */
	public String attempt() {
		return attempt;
	}

	public ConversationStatus status() {
		return status;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public @Nullable Instant waitingSince() {
		return waitingSince;
	}

	public @Nullable Instant firstResponseAt() {
		return firstResponseAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public @Nullable Instant closedAt() {
		return closedAt;
	}

	/** How long the citizen has been waiting for an agent, if they are. */
	public @Nullable Duration waiting(Instant now) {
		return waitingSince == null ? null : Duration.between(waitingSince, now);
	}
}
