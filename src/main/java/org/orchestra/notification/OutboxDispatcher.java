package org.orchestra.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.orchestra.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due messages of every organisation. Each message is claimed with a conditional update before it is
 * sent, so that several nodes can run the dispatcher without sending a message twice; a claim is a lease that
 * returns the message to the queue if the node stops mid-delivery. Failures are retried with exponential
 * back-off until the maximum number of attempts.
 */
@Component
class OutboxDispatcher {

	private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

	private final OutboxMessages messages;
	private final MailTransports transports;
	private final NotificationProperties properties;
	private final TransactionTemplate transactions;

	OutboxDispatcher(OutboxMessages messages, MailTransports transports, NotificationProperties properties,
			TransactionTemplate transactions) {
		this.messages = messages;
		this.transports = transports;
		this.properties = properties;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${orchestra.notification.dispatch-interval:5s}", initialDelayString = "${orchestra.notification.dispatch-interval:5s}")
	void scheduled() {
		try {
			dispatchDue();
		}
		catch (RuntimeException ex) {
			LOG.warn("Outbox dispatch round failed: {}", ex.getMessage());
		}
	}

	/** Delivers the messages due now; returns how many were delivered. */
	int dispatchDue() {
		return TenantContext.callAsSystem(() -> {
			Instant now = Instant.now();
			transactions.executeWithoutResult(status -> messages.releaseExpiredLeases(now));
			List<UUID> due = transactions
				.execute(status -> messages.due(now, PageRequest.of(0, properties.batchSize())));
			MailTransport transport = transports.current();
			int delivered = 0;
			for (UUID id : due == null ? List.<UUID>of() : due) {
				Integer claimed = transactions.execute(status -> messages.claim(id, Instant.now().plus(properties.lease())));
				if (claimed == null || claimed != 1) {
					continue;
				}
				OutboxMessage message = transactions.execute(status -> messages.findById(id).orElse(null));
				if (message == null) {
					continue;
				}
				try {
					transport.send(properties.sender(), message);
					transactions.executeWithoutResult(
							status -> messages.findById(id).ifPresent(m -> m.sent(Instant.now())));
					delivered++;
				}
				catch (Exception ex) {
					String error = transport.name() + ": " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
					LOG.warn("Delivery of message {} failed: {}", id, error);
					transactions.executeWithoutResult(status -> messages.findById(id)
						.ifPresent(m -> m.attemptFailed(error, Instant.now(), properties)));
				}
			}
			return delivered;
		});
	}

	/** Erases recipient and body of messages delivered longer ago than the retention period. */
	@Scheduled(cron = "${orchestra.notification.retention-cron:0 15 3 * * *}")
	int eraseExpired() {
		return TenantContext.callAsSystem(() -> transactions.execute(status -> {
			List<OutboxMessage> expired = messages.deliveredBefore(Instant.now().minus(properties.retention()),
					PageRequest.of(0, 1000));
			expired.forEach(OutboxMessage::erase);
			return expired.size();
		}));
	}
}
