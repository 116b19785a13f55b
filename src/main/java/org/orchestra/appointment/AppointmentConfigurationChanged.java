package org.orchestra.appointment;

import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/** A commune changed its appointment configuration (a service, a counter, hours, a closure, the rules). */
public record AppointmentConfigurationChanged(String organisation, String actor, String what, String targetId)
		implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, organisation, "appointment.configuration." + what, "appointment-" + what,
				targetId, AuditFacts.SUCCESS, what + " changed");
	}
}
