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
 * ({@code orchestra.counter.retention}, two years by default) — with their messages and notes — and in address
 * changes decided that long ago; references, dates, statuses, communes and document types stay for statistics and
 * the audit trail. Issued PDFs and uploaded files stay in the document store, which has no erasure yet.
 */
@Component
class CounterRetention {

	private static final Logger LOG = LoggerFactory.getLogger(CounterRetention.class);

	private final Requests requests;
	private final RequestMessages messages;
	private final RequestEvents events;
	private final AddressChanges addressChanges;
	private final Duration retention;

	CounterRetention(Requests requests, RequestMessages messages, RequestEvents events, AddressChanges addressChanges,
			@Value("${orchestra.counter.retention:P730D}") Duration retention) {
		this.requests = requests;
		this.messages = messages;
		this.events = events;
		this.addressChanges = addressChanges;
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
		Instant before = Instant.now().minus(retention);
		List<DocumentRequest> expired = requests.closedBefore(before, PageRequest.of(0, 1000));
		for (DocumentRequest request : expired) {
			request.erase();
			messages.erase(request.id());
			events.eraseNotes(request.id());
		}
		List<AddressChange> decided = addressChanges.decidedBefore(AddressChange.Status.SUBMITTED, before,
				PageRequest.of(0, 1000));
		decided.forEach(AddressChange::erase);
		return expired.size() + decided.size();
	}
}
