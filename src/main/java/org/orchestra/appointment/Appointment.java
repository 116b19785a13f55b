package org.orchestra.appointment;

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
 * A citizen's appointment at a counter. Only a name and an e-mail address are kept, and erased some time after
 * the appointment.
 */
@Entity
@Table(name = "appointment_booking")
class Appointment {

	static final String ERASED = "[erased]";

	@Id
	private UUID id;

	@TenantId
	@Column(name = "organisation_id", nullable = false, updatable = false)
	private String organisationId;

	@Column(name = "service_id", nullable = false)
	private UUID serviceId;

	@Column(name = "counter_id", nullable = false)
	private UUID counterId;

	@Column(name = "starts_at", nullable = false)
	private Instant startsAt;

	@Column(name = "ends_at", nullable = false)
	private Instant endsAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AppointmentStatus status = AppointmentStatus.BOOKED;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String email;

	@Column(nullable = false)
	private String locale;

	@Column
	private @Nullable String account;

	/** iCalendar SEQUENCE: raised on every change sent to the citizen. */
	@Column(name = "ics_sequence", nullable = false)
	private int icsSequence;

	/** Raised on every change made through a link, which makes earlier links unusable. */
	@Column(name = "link_version", nullable = false)
	private int linkVersion;

	@Column(name = "reminder_sent_at")
	private @Nullable Instant reminderSentAt;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(nullable = false)
	private boolean erased;

	@Version
	private long version;

	protected Appointment() {
	}

	Appointment(UUID serviceId, UUID counterId, Instant startsAt, Instant endsAt, String name, String email,
			String locale, @Nullable String account) {
		this.id = UUID.randomUUID();
		this.serviceId = serviceId;
		this.counterId = counterId;
		this.startsAt = startsAt;
		this.endsAt = endsAt;
		this.name = name;
		this.email = email;
		this.locale = locale;
		this.account = account;
		this.createdAt = Instant.now();
		this.updatedAt = createdAt;
	}

	void moveTo(UUID counter, Instant start, Instant end) {
		counterId = counter;
		startsAt = start;
		endsAt = end;
		icsSequence++;
		reminderSentAt = null;
		updatedAt = Instant.now();
	}

	void cancel() {
		status = AppointmentStatus.CANCELLED;
		icsSequence++;
		updatedAt = Instant.now();
	}

	void mark(AppointmentStatus next) {
		status = next;
		updatedAt = Instant.now();
	}

	void erase() {
		name = ERASED;
		email = ERASED;
		account = null;
		erased = true;
	}

	UUID id() {
		return id;
	}

	String organisationId() {
		return organisationId;
	}

	UUID serviceId() {
		return serviceId;
	}

	UUID counterId() {
		return counterId;
	}

	Instant startsAt() {
		return startsAt;
	}

	Instant endsAt() {
		return endsAt;
	}

	AppointmentStatus status() {
		return status;
	}

	String name() {
		return name;
	}

	String email() {
		return email;
	}

	String locale() {
		return locale;
	}

	@Nullable
	String account() {
		return account;
	}

	int icsSequence() {
		return icsSequence;
	}

	int linkVersion() {
		return linkVersion;
	}

	String reference() {
		return id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
	}
}
