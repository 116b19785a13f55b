package org.orchestra.opendata;

import java.util.UUID;

import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/** A harvest run of a source started, on demand by a member of the organisation or by the scheduler. */
public record HarvestRunStarted(UUID jobId, UUID sourceId, String organisation, String actor)
		implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, organisation, "opendata.harvest.run.started", "opendata-harvest-job",
				jobId.toString(), AuditFacts.SUCCESS, "source " + sourceId);
	}
}
