package org.orchestra.assistant;

import java.util.List;
import java.util.Locale;

import org.orchestra.shared.KnowledgeContribution;
import org.orchestra.shared.LocalizedText;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the assistant can say about itself: how to reach an agent of one's commune, and how long conversations
 * are kept.
 */
@Component
class AssistantKnowledge implements KnowledgeContribution {

	private final MessageSource messages;
	private final AssistantProperties properties;

	AssistantKnowledge(MessageSource messages, AssistantProperties properties) {
		this.messages = messages;
		this.properties = properties;
	}

	@Override
	public List<KnowledgeEntry> knowledge() {
		Object[] retention = { properties.retention().toDays() };
		return List.of(
				new KnowledgeEntry("assistant.agent", text("assistant.knowledge.agent.title", null),
						text("assistant.knowledge.agent.text", null), "/assistant/conversations", null,
						List.of(text("assistant.knowledge.agent.keywords", null).all())),
				new KnowledgeEntry("assistant.privacy", text("assistant.knowledge.privacy.title", null),
						text("assistant.knowledge.privacy.text", retention), "/assistant/conversations", null,
						List.of(text("assistant.knowledge.privacy.keywords", null).all())));
	}

	private LocalizedText text(String key, Object[] arguments) {
		return LocalizedText.of(messages.getMessage(key, arguments, Locale.of("fr")),
				messages.getMessage(key, arguments, Locale.of("nl")), messages.getMessage(key, arguments, Locale.ENGLISH));
	}
}
