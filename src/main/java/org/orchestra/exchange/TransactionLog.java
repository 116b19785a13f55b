package org.orchestra.exchange;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gateway's durable, hash-chained transaction log. Entries are written by one writer thread in group commits:
 * every caller waits until its entry is committed (so nothing is answered before it is logged), while many entries
 * share one database transaction. A signed checkpoint of the head is written every {@code checkpointEvery}
 * entries, and on demand for evidence.
 */
@Component
class TransactionLog {

	static final String GENESIS = "0".repeat(64);
	private static final Logger LOG = LoggerFactory.getLogger(TransactionLog.class);
	private static final int BATCH = 500;

	record Entry(String messageId, Instant at, String clientId, String partnerId, String service, String operation,
			String purpose, @Nullable String personHash, String outcome, long latencyMs, String requestHash,
			String responseHash) {
	}

	private record Pending(Entry entry, CompletableFuture<Long> done) {
	}

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final ExchangeKeys keys;
	private final ExchangeProperties properties;
	private final Thread writer;
	private volatile boolean running = true;
	private long sinceCheckpoint;

	TransactionLog(JdbcTemplate jdbc, TransactionTemplate transactions, ExchangeKeys keys,
			ExchangeProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.keys = keys;
		this.properties = properties;
		this.writer = Thread.ofPlatform().name("exchange-log-writer").daemon().start(this::write);
	}

	/** Appends an entry and returns its sequence number once it is committed. */
	long append(Entry entry) {
		CompletableFuture<Long> done = new CompletableFuture<>();
		queue.add(new Pending(entry, done));
		try {
			return done.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while logging", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The transaction could not be logged", ex);
		}
	}

	private void write() {
		List<Pending> batch = new ArrayList<>();
		while (running || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, BATCH - 1);
				commit(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				LOG.error("Transaction log write failed", ex);
				batch.forEach(p -> p.done().completeExceptionally(ex));
			}
			finally {
				batch.clear();
			}
		}
	}

	private void commit(List<Pending> batch) {
		List<Long> sequences = transactions.execute(status -> {
			Object[] head = jdbc.queryForObject("select last_seq, last_hash from exchange_log_head where id = 1 for update",
					(rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) });
			long seq = (Long) head[0];
			String previous = (String) head[1];
			List<Object[]> rows = new ArrayList<>();
			List<Long> assigned = new ArrayList<>();
			for (Pending pending : batch) {
				Entry e = pending.entry();
				seq++;
				Instant at = e.at().truncatedTo(ChronoUnit.MICROS);
				String hash = LoggedTransaction.sha256(LoggedTransaction.canonical(seq, e.messageId(), at, e.clientId(),
						e.partnerId(), e.service(), e.operation(), e.purpose(), e.personHash(), e.outcome(),
						e.latencyMs(), e.requestHash(), e.responseHash(), previous));
				rows.add(new Object[] { seq, e.messageId(), at.atOffset(java.time.ZoneOffset.UTC), e.clientId(), e.partnerId(), e.service(),
						e.operation(), e.purpose(), e.personHash(), e.outcome(), e.latencyMs(), e.requestHash(),
						e.responseHash(), previous, hash });
				assigned.add(seq);
				previous = hash;
			}
			jdbc.batchUpdate("""
					insert into exchange_transaction (seq, message_id, at, client_id, partner_id, service, operation,
					  purpose, person_hash, outcome, latency_ms, request_hash, response_hash, previous_hash, hash)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
			jdbc.update("update exchange_log_head set last_seq = ?, last_hash = ? where id = 1", seq, previous);
			sinceCheckpoint += batch.size();
			if (sinceCheckpoint >= properties.checkpointEvery()) {
				checkpoint(seq, previous);
				sinceCheckpoint = 0;
			}
			return assigned;
		});
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).done().complete(sequences.get(i));
		}
	}

	private void checkpoint(long seq, String hash) {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		jdbc.update("insert into exchange_checkpoint (seq, hash, signed_at, signature) values (?, ?, ?, ?)", seq, hash,
				at.atOffset(java.time.ZoneOffset.UTC), keys.sign(Checkpoint.statement(seq, hash, at)));
	}

	/** Signs the current head now, unless a checkpoint already covers it. */
	void checkpointNow() {
		transactions.executeWithoutResult(status -> {
			Object[] head = jdbc.queryForObject("select last_seq, last_hash from exchange_log_head where id = 1 for update",
					(rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) });
			long seq = (Long) head[0];
			Integer existing = jdbc.queryForObject("select count(*) from exchange_checkpoint where seq = ?",
					Integer.class, seq);
			if (seq > 0 && existing == 0) {
				checkpoint(seq, (String) head[1]);
			}
		});
	}

	/** A checkpoint at least every five minutes while there is traffic, whatever the volume. */
	@org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${orchestra.exchange.checkpoint-interval:5m}",
			initialDelayString = "${orchestra.exchange.checkpoint-interval:5m}")
	void periodicCheckpoint() {
		try {
			checkpointNow();
		}
		catch (RuntimeException ex) {
			LOG.warn("Checkpoint failed: {}", ex.getMessage());
		}
	}

	@PreDestroy
	void stop() throws InterruptedException {
		running = false;
		writer.join(Duration.ofSeconds(10));
	}

	/** Result of a walk over the whole chain. */
	record Verification(boolean valid, long checked, @Nullable Long brokenAt, @Nullable String reason,
			int checkpointsVerified) {
	}

	Verification verify(Transactions transactions, Checkpoints checkpoints) {
		long expected = 1;
		String previous = GENESIS;
		long checked = 0;
		List<LoggedTransaction> batch;
		long after = 0;
		do {
			batch = transactions.after(after, PageRequest.of(0, 1000));
			for (LoggedTransaction t : batch) {
				if (t.seq() != expected) {
					return new Verification(false, checked, expected, "missing-entry", 0);
				}
				if (!t.previousHash().equals(previous)) {
					return new Verification(false, checked, t.seq(), "broken-link", 0);
				}
				if (!t.recompute().equals(t.hash())) {
					return new Verification(false, checked, t.seq(), "altered-entry", 0);
				}
				previous = t.hash();
				expected++;
				checked++;
				after = t.seq();
			}
		}
		while (batch.size() == 1000);
		int verified = 0;
		for (Checkpoint checkpoint : checkpoints.findAll()) {
			String hash = transactions.findById(checkpoint.seq()).map(LoggedTransaction::hash).orElse(null);
			if (!checkpoint.hash().equals(hash) || !Evidence.verifySignature(keys.publicKey(),
					Checkpoint.statement(checkpoint.seq(), checkpoint.hash(), checkpoint.signedAt()), checkpoint.signature())) {
				return new Verification(false, checked, checkpoint.seq(), "bad-checkpoint", verified);
			}
			verified++;
		}
		return new Verification(true, checked, null, null, verified);
	}
}
