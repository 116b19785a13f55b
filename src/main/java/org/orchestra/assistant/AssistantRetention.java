package org.orchestra.assistant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.orchestra.identity.CurrentUser;
import org.orchestra.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases conversations closed longer ago than the retention period, with their messages; the daily counts and
 * response times, which hold no personal data, remain.
 */
@Component
class AssistantRetention {

	private static final Logger LOG = LoggerFactory.getLogger(AssistantRetention.class);

	private final Conversations conversations;
	private final ConversationMessages messages;
	private final AssistantStatistics statistics;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final AssistantProperties properties;

	AssistantRetention(Conversations conversations, ConversationMessages messages, AssistantStatistics statistics,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, AssistantProperties properties) {
		this.conversations = conversations;
		this.messages = messages;
		this.statistics = statistics;
		this.events = events;
		// each unit of work opens its own session, for the organisation it is done for
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.properties = properties;
	}

	@Scheduled(cron = "${orchestra.assistant.retention-cron:0 45 3 * * *}")
	void scheduled() {
		try {
			int erased = eraseExpired(Instant.now());
			if (erased > 0) {
				LOG.info("Erased {} closed conversations past the retention period", erased);
			}
		}
		catch (RuntimeException ex) {
			LOG.warn("Erasure of closed conversations failed: {}", ex.getMessage());
		}
	}

	/** Erases the conversations closed before {@code now} minus the retention period; returns how many. */
	int eraseExpired(Instant now) {
		Instant before = now.minus(properties.retention());
		int total = 0;
		while (true) {
			Integer erased = TenantContext.callAsSystem(() -> transactions.execute(status -> {
				List<UUID> ids = conversations.closedBefore(before, PageRequest.of(0, 500));
				if (ids.isEmpty()) {
					return 0;
				}
				List<Conversation> expired = conversations.findAllById(ids);
				messages.deleteByConversationIds(ids);
				conversations.deleteAllInBatch(expired);
				Map<String, Long> byOrganisation = expired.stream()
					.collect(Collectors.groupingBy(Conversation::organisationId, Collectors.counting()));
				byOrganisation.forEach((organisation, count) -> statistics.count(organisation,
						AssistantStatistics.Counter.ERASED, count));
				for (Conversation conversation : expired) {
					events.publishEvent(new ConversationChanged(conversation.id(), conversation.organisationId(),
							"erased", CurrentUser.SYSTEM, conversation.citizenAccount(), conversation.locale(),
							"retention period over"));
				}
				return expired.size();
			}));
			if (erased == null || erased == 0) {
				return total;
			}
			total += erased;
		}
	}
}
