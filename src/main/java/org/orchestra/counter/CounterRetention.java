package org.orchestra.counter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases what identifies the resident in requests closed longer than the retention period
 * ({@code orchestra.counter.retention}, two years by default); references, dates, statuses and document types
 * stay for statistics and the audit trail.
 */
@Component
class CounterRetention {

	private static final Logger LOG = LoggerFactory.getLogger(CounterRetention.class);

	private final Requests requests;
	private final Duration retention;

	CounterRetention(Requests requests, @Value("${orchestra.counter.retention:P730D}") Duration retention) {
		this.requests = requests;
		this.retention = retention;
	}

	@Scheduled(cron = "${orchestra.counter.retention-cron:0 30 3 * * *}")
	@Transactional
	public void scheduled() {
		int erased = eraseExpired();
		if (erased > 0) {
			LOG.info("Counter retention: personal data of {} closed requests erased", erased);
		}
	}

	@Transactional
	public int eraseExpired() {
		List<DocumentRequest> expired = requests.closedBefore(Instant.now().minus(retention), PageRequest.of(0, 1000));
		expired.forEach(DocumentRequest::erase);
		return expired.size();
	}
}
