package org.orchestra.shared;

/**
 * A domain event that the audit trail records. Modules publish their own past-tense events and implement this
 * interface; the audit module consumes every such event.
 */
public interface AuditedEvent {

	AuditFacts auditFacts();
}
