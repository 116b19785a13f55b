package org.orchestra.opendata;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/** A harvest run ended: succeeded with its counts, or failed with the reason (nothing withdrawn then). */
public record HarvestRunFinished(UUID jobId, UUID sourceId, String organisation, String actor, JobStatus status,
		int created, int updated, int unchanged, int withdrawn, int failed, @Nullable String reason)
		implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		String counts = "source " + sourceId + ": created " + created + ", updated " + updated + ", unchanged "
				+ unchanged + ", withdrawn " + withdrawn + ", failed " + failed;
		String details = reason == null ? counts : counts + "; " + reason;
		return new AuditFacts(actor, organisation, "opendata.harvest.run.finished", "opendata-harvest-job",
				jobId.toString(), status == JobStatus.SUCCEEDED ? AuditFacts.SUCCESS : AuditFacts.FAILURE,
				details.length() > 500 ? details.substring(0, 500) : details);
	}
}
