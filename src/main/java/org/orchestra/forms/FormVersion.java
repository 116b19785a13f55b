package org.orchestra.forms;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * One version of a form's definition. Only a draft can change; publishing freezes it for good, and every
 * submission keeps a reference to the version it was filled with.
 */
@Entity
@Table(name = "forms_version")
public class FormVersion {

	@Id
	private UUID id;

	@Column(name = "form_id", nullable = false)
	private UUID formId;

	@Column(nullable = false)
	private int number;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private VersionStatus status;

	@Column(nullable = false, length = 200000)
	private String definition;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false)
	private String createdBy;

	@Column(name = "published_at")
	private @Nullable Instant publishedAt;

	@Column(name = "published_by")
	private @Nullable String publishedBy;

	@Version
	private long version;

	@Transient
	private @Nullable FormDefinition parsed;

	protected FormVersion() {
	}

	FormVersion(UUID formId, int number, String definition, String createdBy) {
		this.id = UUID.randomUUID();
		this.formId = formId;
		this.number = number;
		this.status = VersionStatus.DRAFT;
		this.definition = definition;
		this.createdAt = Instant.now();
		this.createdBy = createdBy;
	}

	void redefine(String newDefinition) {
		if (status != VersionStatus.DRAFT) {
			throw new FormsException("forms.error.version-frozen", 409);
		}
		this.definition = newDefinition;
		this.parsed = null;
	}

	void publish(String actor) {
		if (status != VersionStatus.DRAFT) {
			throw new FormsException("forms.error.version-frozen", 409);
		}
		status = VersionStatus.PUBLISHED;
		publishedAt = Instant.now();
		publishedBy = actor;
	}

	void supersede() {
		if (status == VersionStatus.PUBLISHED) {
			status = VersionStatus.SUPERSEDED;
		}
	}

	@Nullable
	FormDefinition cached() {
		return parsed;
	}

	void cache(FormDefinition definition) {
		this.parsed = definition;
	}

	public UUID id() {
		return id;
	}

	public UUID formId() {
		return formId;
	}

	public int number() {
		return number;
	}

	public VersionStatus status() {
		return status;
	}

	public String definitionJson() {
		return definition;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public @Nullable Instant publishedAt() {
		return publishedAt;
	}

	public @Nullable String publishedBy() {
		return publishedBy;
	}
}
