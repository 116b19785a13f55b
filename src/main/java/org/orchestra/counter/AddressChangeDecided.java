package org.orchestra.counter;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/** The commune confirmed or refused an address change. */
public record AddressChangeDecided(String reference, String organisation, AddressChange.Status status,
		@Nullable String reason, String actor) implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, organisation, "counter.address-change." + status.name().toLowerCase(),
				"address-change", reference, AuditFacts.SUCCESS, status.name());
	}
}
