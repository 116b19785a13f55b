package org.orchestra.appointment;

import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;
import org.orchestra.shared.LocalizedText;

/** A service a commune's counters deliver by appointment (identity card, passport...), with its duration. */
@Entity
@Table(name = "appointment_service")
class BookableService {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "organisation_id", nullable = false, updatable = false)
	private String organisationId;

	@Column(nullable = false, updatable = false)
	private String code;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "fr", column = @Column(name = "name_fr", nullable = false)),
			@AttributeOverride(name = "nl", column = @Column(name = "name_nl", nullable = false)),
			@AttributeOverride(name = "en", column = @Column(name = "name_en")) })
	private LocalizedText name;

	@Column(name = "duration_minutes", nullable = false)
	private int durationMinutes;

	@Column(nullable = false)
	private boolean active = true;

	@Version
	private long version;

	protected BookableService() {
	}

	BookableService(String code, LocalizedText name, int durationMinutes) {
		this.id = UUID.randomUUID();
		this.code = code;
		this.name = name;
		this.durationMinutes = durationMinutes;
	}

	void update(LocalizedText name, int durationMinutes, boolean active) {
		this.name = name;
		this.durationMinutes = durationMinutes;
		this.active = active;
	}

	UUID id() {
		return id;
	}

	String organisationId() {
		return organisationId;
	}

	String code() {
		return code;
	}

	LocalizedText name() {
		return name;
	}

	int durationMinutes() {
		return durationMinutes;
	}

	boolean active() {
		return active;
	}
}
