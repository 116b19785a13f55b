package org.orchestra.opendata;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * Who publishes datasets: an organisation of the platform (its id is the organisation's) or an external body met
 * while harvesting. Publishers are public reference data, shared by every tenant.
 */
@Entity
@Table(name = "opendata_publisher")
public class Publisher {

	@Id
	private String id;

	@Column(name = "organisation_id")
	private @Nullable String organisationId;

	private @Nullable String uri;

	@Convert(converter = Texts.MapConverter.class)
	@Column(name = "name_json", nullable = false)
	private Map<String, String> name;

	@Column(name = "publisher_type")
	private @Nullable String type;

	private @Nullable String homepage;

	private @Nullable String email;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Publisher() {
		this.id = "";
		this.name = Map.of();
		this.createdAt = Instant.EPOCH;
	}

	Publisher(String id, @Nullable String organisationId, @Nullable String uri, Map<String, String> name,
			@Nullable String type, @Nullable String homepage, @Nullable String email, Instant now) {
		this.id = id;
		this.organisationId = organisationId;
		this.uri = uri;
		this.name = Map.copyOf(name);
		this.type = type;
		this.homepage = homepage;
		this.email = email;
		this.createdAt = now;
	}

	void update(Map<String, String> name, @Nullable String type, @Nullable String homepage, @Nullable String email) {
		this.name = Map.copyOf(name);
		this.type = type;
		this.homepage = homepage;
		this.email = email;
	}

	public String id() {
		return id;
	}

	public @Nullable String organisationId() {
		return organisationId;
	}

	public @Nullable String uri() {
		return uri;
	}

	public Map<String, String> name() {
		return name;
	}

	public String nameIn(String language) {
		return Texts.pick(name, language);
	}

	public @Nullable String type() {
		return type;
	}

	public @Nullable String homepage() {
		return homepage;
	}

	public @Nullable String email() {
		return email;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public DatasetRecord.PublisherRecord toRecord() {
		return new DatasetRecord.PublisherRecord(uri, name, type, homepage, email);
	}
}
