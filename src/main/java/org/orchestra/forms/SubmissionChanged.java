package org.orchestra.forms;

import java.util.UUID;

import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/**
 * The desk (or the citizen) acted on a sent submission. Changes visible to the citizen are e-mailed to them.
 *
 * @param type {@code status}, {@code assigned}, {@code answered}, {@code replied}
 */
public record SubmissionChanged(UUID submissionId, String reference, String type, SubmissionStatus status,
		String organisation, String actor, boolean visible) implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, organisation, "forms.submission." + type, "form-submission",
				submissionId.toString(), AuditFacts.SUCCESS, reference + " status " + status);
	}
}
