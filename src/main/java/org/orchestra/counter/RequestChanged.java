package org.orchestra.counter;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/**
 * Something happened to a document request: the resident is told by e-mail when its status changes or an agent
 * writes, and every change is audited.
 *
 * @param type the event code ({@code submitted}, {@code issued}, {@code status}, {@code message}, ...)
 */
public record RequestChanged(long requestId, String reference, String type, String organisation, String actor,
		RequestStatus status, @Nullable String note) implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, organisation, "counter.request." + type, "document-request", reference,
				AuditFacts.SUCCESS, "status " + status);
	}
}
