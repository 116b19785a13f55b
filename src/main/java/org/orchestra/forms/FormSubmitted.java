package org.orchestra.forms;

import java.util.UUID;

import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/** A citizen sent a form: it is now immutable and waits in the organisation's desk queue. */
public record FormSubmitted(UUID submissionId, String reference, String formKey, int versionNumber,
		String organisation, String actor) implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, organisation, "forms.submission.sent", "form-submission", submissionId.toString(),
				AuditFacts.SUCCESS, reference + " " + formKey + " v" + versionNumber);
	}
}
