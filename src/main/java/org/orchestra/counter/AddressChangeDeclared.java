package org.orchestra.counter;

import java.time.LocalDate;
import java.util.List;

import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/**
 * A resident declared a new address in the region. The commune of the new address handles it; a residence
 * investigation (police) consumes this event to check that the household really lives there.
 *
 * @param organisation the commune that handles the change
 * @param persons the national numbers of everyone moving
 */
public record AddressChangeDeclared(String reference, String organisation, String nisCode, String address,
		double lon, double lat, LocalDate movingDate, List<String> persons, String actor) implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, organisation, "counter.address-change.declared", "address-change", reference,
				AuditFacts.SUCCESS, persons.size() + " person(s), commune " + nisCode);
	}
}
