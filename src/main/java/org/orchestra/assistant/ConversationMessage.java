package org.orchestra.assistant;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** One message of a conversation, by the citizen or by an agent, with an optional link to an entry. */
@Entity
@Table(name = "assistant_message")
public class ConversationMessage {

	/** Who wrote a message. */
	public enum Author {
		CITIZEN, AGENT
	}

	@Id
	private UUID id;

	@Column(name = "conversation_id", nullable = false, updatable = false)
	private UUID conversationId;

	@TenantId
	@Column(name = "organisation_id", nullable = false, updatable = false)
	private String organisationId;

	@Enumerated(EnumType.STRING)
	@Column(name = "author_kind", nullable = false)
	private Author authorKind;

	/** The agent's user name; {@code null} for the citizen. */
	private @Nullable String author;

	@Column(nullable = false)
	private String body;

	@Column(name = "entry_id")
	private @Nullable String entryId;

	@Column(name = "entry_title")
	private @Nullable String entryTitle;

	@Column(name = "entry_link")
	private @Nullable String entryLink;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected ConversationMessage() {
	}

	ConversationMessage(UUID conversationId, Author authorKind, @Nullable String author, String body,
			@Nullable String entryId, @Nullable String entryTitle, @Nullable String entryLink, Instant now) {
		this.id = UUID.randomUUID();
		this.conversationId = conversationId;
		this.authorKind = authorKind;
		this.author = author;
		this.body = body;
		this.entryId = entryId;
		this.entryTitle = entryTitle;
		this.entryLink = entryLink;
		this.createdAt = now;
	}

	public UUID id() {
		return id;
	}

	public UUID conversationId() {
		return conversationId;
	}

	public Author authorKind() {
		return authorKind;
	}

	public @Nullable String author() {
		return author;
	}

	public String body() {
		return body;
	}

	public @Nullable String entryId() {
		return entryId;
	}

	public @Nullable String entryTitle() {
		return entryTitle;
	}

	public @Nullable String entryLink() {
		return entryLink;
	}

	public Instant createdAt() {
		return createdAt;
	}
}
