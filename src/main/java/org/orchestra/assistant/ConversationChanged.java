package org.orchestra.assistant;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/**
 * Something happened to a conversation: {@code opened} (hand-off by the citizen), {@code replied} (by an agent),
 * {@code followed-up} (by the citizen), {@code closed}, {@code erased} (by the citizen or after the retention
 * period).
 *
 * @param citizenAccount the citizen's account, to notify them of a reply
 * @param locale the conversation's language
 */
public record ConversationChanged(UUID conversationId, String organisation, String type, String actor,
		UUID citizenAccount, String locale, @Nullable String details) implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(actor, organisation, "assistant.conversation." + type, "assistant-conversation",
				conversationId.toString(), AuditFacts.SUCCESS, details == null ? type : details);
	}
}
