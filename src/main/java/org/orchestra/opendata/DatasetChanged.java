package org.orchestra.opendata;

import java.util.UUID;

import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/** A publisher {@code created}, {@code updated} or {@code withdrew} one of its organisation's datasets. */
public record DatasetChanged(UUID datasetId, String slug, String organisation, String type, String actor)
		implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, organisation, "opendata.dataset." + type, "opendata-dataset", datasetId.toString(),
				AuditFacts.SUCCESS, slug);
	}
}
