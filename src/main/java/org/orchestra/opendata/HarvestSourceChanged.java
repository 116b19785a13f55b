package org.orchestra.opendata;

import java.util.UUID;

import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/** An organisation's harvest source was {@code created}, {@code updated} or {@code deleted}. */
public record HarvestSourceChanged(UUID sourceId, String organisation, String type, String actor, String details)
		implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, organisation, "opendata.harvest.source." + type, "opendata-harvest-source",
				sourceId.toString(), AuditFacts.SUCCESS, details);
	}
}
