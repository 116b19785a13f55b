package org.orchestra.counter;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A commune's ready-made answer that agents insert into a message. */
@Entity
@Table(name = "counter_answer_template")
public class AnswerTemplate {

	@Id
	private UUID id;

	@Column(name = "organisation_id", nullable = false)
	private String organisationId;

	@Column(nullable = false)
	private String title;

	@Column(nullable = false)
	private String body;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected AnswerTemplate() {
	}

	AnswerTemplate(String organisationId, String title, String body) {
		this.id = UUID.randomUUID();
		this.organisationId = organisationId;
		this.title = title;
		this.body = body;
		this.createdAt = Instant.now();
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

	public String body() {
		return body;
	}
}
