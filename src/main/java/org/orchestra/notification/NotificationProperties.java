package org.orchestra.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings.
 *
 * @param sender the From address of e-mails
 * @param maxAttempts delivery attempts before a message is marked failed
 * @param initialBackoff wait before the second attempt; doubles with each further attempt
 * @param maxBackoff longest wait between attempts
 * @param batchSize messages taken per dispatch round
 * @param retention how long delivered messages keep their recipient and body before these are erased
 * @param lease how long a message being delivered stays claimed; a node that stops mid-delivery leaves it claimed,
 *        and it becomes due again when the lease runs out (longer than the slowest delivery, or a message may go
 *        out twice)
 */
@ConfigurationProperties("orchestra.notification")
record NotificationProperties(@DefaultValue("no-reply@orchestra.localhost") String sender,
		@DefaultValue("6") int maxAttempts, @DefaultValue("30s") Duration initialBackoff,
		@DefaultValue("1h") Duration maxBackoff, @DefaultValue("50") int batchSize,
		@DefaultValue("90d") Duration retention, @DefaultValue("10m") Duration lease) {

	Duration backoffAfter(int attempts) {
		long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
		Duration wait = initialBackoff.multipliedBy(factor);
		return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
	}
}
