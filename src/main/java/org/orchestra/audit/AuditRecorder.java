package org.orchestra.audit;

import org.orchestra.shared.AuditedEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes every audited event of every module to the trail, after the publishing transaction commits. The event
 * publication registry keeps the event until the entry is written.
 */
@Component
class AuditRecorder {

	private final AuditTrail trail;

	AuditRecorder(AuditTrail trail) {
		this.trail = trail;
	}

	@ApplicationModuleListener
	void on(AuditedEvent event) {
		trail.append(event.auditFacts());
	}
}
