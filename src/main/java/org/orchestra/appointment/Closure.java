package org.orchestra.appointment;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** Days on which the counters are closed (works, staff day, local holiday), with the reason shown to citizens. */
@Entity
@Table(name = "appointment_closure")
class Closure {

	@Id
	private UUID id;

	@TenantId
	@Column(name = "organisation_id", nullable = false, updatable = false)
	private String organisationId;

	@Column(name = "first_day", nullable = false)
	private LocalDate firstDay;

	@Column(name = "last_day", nullable = false)
	private LocalDate lastDay;

	@Column(nullable = false)
	private String reason;

	@Version
	private long version;

	protected Closure() {
	}

	Closure(LocalDate firstDay, LocalDate lastDay, String reason) {
		this.id = UUID.randomUUID();
		this.firstDay = firstDay;
		this.lastDay = lastDay;
		this.reason = reason;
	}

	UUID id() {
		return id;
	}

	SlotPlanner.ClosedDays days() {
		return new SlotPlanner.ClosedDays(firstDay, lastDay, reason);
	}
}
