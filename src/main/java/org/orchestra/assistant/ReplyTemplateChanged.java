package org.orchestra.assistant;

import java.util.UUID;

import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/** A commune's reply template was {@code created}, {@code updated} or {@code deleted}. */
public record ReplyTemplateChanged(UUID templateId, String organisation, String type, String actor)
		implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, organisation, "assistant.template." + type, "assistant-reply-template",
				templateId.toString(), AuditFacts.SUCCESS, type);
	}
}
