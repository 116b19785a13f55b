package org.orchestra.incident;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/**
 * A report was submitted. When it awaits confirmation, the reporter receives the confirmation link.
 *
 * @param confirmationToken set when the report awaits the reporter's confirmation by e-mail
 */
public record IncidentSubmitted(long reportId, String organisation, String categoryCode, Source source,
		@Nullable String reporterEmail, @Nullable String confirmationToken, String locale, String actor)
		implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, organisation, "incident.submitted", "incident-report", Long.toString(reportId),
				AuditFacts.SUCCESS, categoryCode + " from " + source);
	}
}
