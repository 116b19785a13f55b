package org.orchestra.assistant;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** A commune's ready-made reply, in one language, that agents start their answers from. */
@Entity
@Table(name = "assistant_reply_template")
public class ReplyTemplate {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "organisation_id", nullable = false, updatable = false)
	private String organisationId;

	@Column(nullable = false)
	private String language;

	@Column(nullable = false)
	private String title;

	@Column(nullable = false)
	private String body;

	@Column(name = "created_by", nullable = false)
	private String createdBy;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected ReplyTemplate() {
	}

	ReplyTemplate(String language, String title, String body, String createdBy, Instant now) {
		this.id = UUID.randomUUID();
		this.language = language;
		this.title = title;
		this.body = body;
		this.createdBy = createdBy;
		this.updatedAt = now;
	}

	void update(String language, String title, String body, Instant now) {
		this.language = language;
		this.title = title;
		this.body = body;
		this.updatedAt = now;
	}

	public UUID id() {
		return id;
	}

	public String organisationId() {
		return organisationId;
	}

	public String language() {
		return language;
	}

	public String title() {
		return title;
	}

	public String body() {
		return body;
	}

	public Instant updatedAt() {
		return updatedAt;
	}
}
