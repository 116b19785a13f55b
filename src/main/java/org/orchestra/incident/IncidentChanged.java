package org.orchestra.incident;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/**
 * Something happened to a report. Public changes are mailed to its subscribers; every change is audited.
 *
 * @param type the event code (e.g. {@code accepted}, {@code transferred})
 * @param visibility who may see it
 * @param status the report's status after the change
 */
public record IncidentChanged(long reportId, String type, Visibility visibility, String organisation,
		String actor, @Nullable String note, ReportStatus status) implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, organisation, "incident." + type, "incident-report", Long.toString(reportId),
				AuditFacts.SUCCESS, "status " + status);
	}
}
