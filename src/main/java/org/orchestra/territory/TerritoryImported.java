package org.orchestra.territory;

import java.util.UUID;

import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/** An import of reference geography ended, replacing the data (succeeded) or leaving it untouched (failed). */
public record TerritoryImported(UUID jobId, ImportKind kind, boolean succeeded, int imported, int rejected,
		String actor) implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, "region", "territory.import." + kind.name().toLowerCase(), "import",
				jobId.toString(), succeeded ? AuditFacts.SUCCESS : AuditFacts.FAILURE,
				imported + " imported, " + rejected + " rejected");
	}
}
