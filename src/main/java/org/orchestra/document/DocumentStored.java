package org.orchestra.document;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/** A document was uploaded or issued for an organisation. */
public record DocumentStored(UUID documentId, String organisation, String title, String contentType, String sha256,
		@Nullable String verificationCode, String actor) implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, organisation, verificationCode == null ? "document.uploaded" : "document.issued",
				"document", documentId.toString(), AuditFacts.SUCCESS, contentType + " sha256 " + sha256);
	}
}
