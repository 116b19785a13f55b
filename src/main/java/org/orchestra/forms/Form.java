package org.orchestra.forms;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A form: its stable key and owner; its content lives in its versions. */
@Entity
@Table(name = "forms_form")
public class Form {

	@Id
	private UUID id;

	@Column(name = "form_key", nullable = false, unique = true)
	private String key;

	@Column(name = "owner_id", nullable = false)
	private String ownerId;

	@Column(nullable = false)
	private boolean demo;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected Form() {
	}

	Form(String key, String ownerId, boolean demo) {
		this.id = UUID.randomUUID();
		this.key = key;
		this.ownerId = ownerId;
		this.demo = demo;
		this.createdAt = Instant.now();
		this.updatedAt = createdAt;
	}

	void touch() {
		updatedAt = Instant.now();
	}

	public UUID id() {
		return id;
	}

	public String key() {
		return key;
	}

	public String ownerId() {
		return ownerId;
	}

	public boolean demo() {
		return demo;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}
}
