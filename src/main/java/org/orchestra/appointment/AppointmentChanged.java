package org.orchestra.appointment;

import java.util.UUID;

import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/**
 * Something happened to an appointment: booked, rescheduled, cancelled, arrived, done, no-show, reminded.
 * Audited without personal data.
 */
public record AppointmentChanged(UUID appointmentId, String organisation, String type, String actor,
		AppointmentStatus status) implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, organisation, "appointment." + type, "appointment", appointmentId.toString(),
				AuditFacts.SUCCESS, "status " + status);
	}
}
