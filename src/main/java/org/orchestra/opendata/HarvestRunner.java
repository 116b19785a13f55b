package org.orchestra.opendata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.jspecify.annotations.Nullable;
import org.orchestra.opendata.DatasetStore.Outcome;
import org.orchestra.opendata.harvest.HarvestFailure;
import org.orchestra.opendata.harvest.Harvester;
import org.orchestra.opendata.harvest.PageSink;
import org.orchestra.opendata.harvest.RecordFailure;
import org.orchestra.opendata.harvest.SourceClient;
import org.orchestra.opendata.harvest.SourceSpec;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs harvests. A run is a job: the source's harvester (chosen by kind) reads the source page by page through a
 * {@link SourceClient} bound by the source's limits; each page is written in one transaction under the source's
 * organisation together with the job's progress, so progress is visible while the run goes on. A record that
 * cannot be written is a failure of that record only: the page is then written again record by record, each in
 * its own transaction, so a bad record never leaves half a dataset. A complete run withdraws what the source no
 * longer gives; a run that fails for any reason withdraws nothing. At most one run per source goes on at a time.
 */
@Component
class HarvestRunner {

	private static final Logger log = LoggerFactory.getLogger(HarvestRunner.class);

	/** Failures kept per job with their reason; more are counted only. */
	static final int MAX_STORED_FAILURES = 1000;

	static final String NO_HARVESTER = "opendata.harvest.job.no-harvester";
	static final String INTERRUPTED = "opendata.harvest.job.interrupted";
	static final String EMPTY_SOURCE = "opendata.harvest.job.empty-source";
	static final String QUEUE_FULL = "opendata.harvest.job.queue-full";

	private final HarvestSources sources;
	private final HarvestJobs jobs;
	private final DatasetStore store;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final OpendataProperties properties;
	private final Map<SourceKind, Harvester> harvesters = new EnumMap<>(SourceKind.class);
	private final Set<UUID> running = ConcurrentHashMap.newKeySet();
	private final ThreadPoolExecutor executor;
	private final Clock clock = Clock.systemUTC();

	HarvestRunner(HarvestSources sources, HarvestJobs jobs, DatasetStore store, JdbcTemplate jdbc,
			TransactionTemplate transactions, ApplicationEventPublisher events, OpendataProperties properties,
			List<Harvester> harvesters) {
		this.sources = sources;
		this.jobs = jobs;
		this.store = store;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.properties = properties;
		for (Harvester harvester : harvesters) {
			this.harvesters.putIfAbsent(harvester.kind(), harvester);
		}
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(properties.harvestThreads(), properties.harvestThreads(), 0,
				TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(100), work -> {
					Thread thread = new Thread(work, "opendata-harvest-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	@PreDestroy
	void shutdown() {
		executor.shutdownNow();
	}

	boolean isRunning(UUID sourceId) {
		return running.contains(sourceId);
	}

	/** Starts a run in the background; refuses (409) when the source is being harvested. */
	UUID start(OrganisationId organisation, UUID sourceId, String actor) {
		Begun begun = begin(organisation, sourceId, actor);
		try {
			executor.execute(() -> execute(begun));
		}
		catch (RejectedExecutionException e) {
			fail(begun, QUEUE_FULL);
			running.remove(sourceId);
			throw new OpendataException("opendata.harvest.error.busy", 503);
		}
		return begun.jobId();
	}

	/** Runs a harvest in the calling thread and returns its job id once it ended. */
	UUID run(OrganisationId organisation, UUID sourceId, String actor) {
		Begun begun = begin(organisation, sourceId, actor);
		execute(begun);
		return begun.jobId();
	}

	/** A run that has begun: its job and a detached copy of its source as it was when the run started. */
	private record Begun(OrganisationId organisation, HarvestSource source, UUID jobId, String actor) {
	}

	private Begun begin(OrganisationId organisation, UUID sourceId, String actor) {
		// Another organisation's source is not found, whether it is being harvested or not.
		TenantContext.callAs(organisation, () -> transactions.execute(status -> owned(organisation, sourceId)));
		if (!running.add(sourceId)) {
			throw new OpendataException("opendata.harvest.error.running", 409);
		}
		try {
			return TenantContext.callAs(organisation, () -> transactions.execute(status -> {
				HarvestSource source = owned(organisation, sourceId);
				Integer runningJobs = jdbc.queryForObject(
						"SELECT COUNT(*) FROM opendata_harvest_job WHERE source_id = ? AND status = 'RUNNING'",
						Integer.class, sourceId);
				if (runningJobs != null && runningJobs > 0) {
					throw new OpendataException("opendata.harvest.error.running", 409);
				}
				Instant now = clock.instant();
				HarvestJob job = jobs.saveAndFlush(new HarvestJob(sourceId, actor, now));
				// Bumps the source's version: a concurrent start elsewhere fails on it.
				source.ran(job.id(), now);
				sources.saveAndFlush(source);
				events.publishEvent(new HarvestRunStarted(job.id(), sourceId, organisation.value(), actor));
				return new Begun(organisation, source, job.id(), actor);
			}));
		}
		catch (ObjectOptimisticLockingFailureException e) {
			running.remove(sourceId);
			throw new OpendataException("opendata.harvest.error.running", 409);
		}
		catch (RuntimeException e) {
			running.remove(sourceId);
			throw e;
		}
	}

	private HarvestSource owned(OrganisationId organisation, UUID sourceId) {
		return sources.findById(sourceId)
			.filter(s -> s.organisationId().equals(organisation.value()))
			.orElseThrow(() -> new OpendataException("opendata.harvest.error.not-found", 404));
	}

	/** Counts of a run, updated once a page is committed. */
	private static final class Counts {

		int pages;
		int seen;
		int created;
		int updated;
		int unchanged;
		int failed;
		int storedFailures;
	}

	private void execute(Begun begun) {
		HarvestSource source = begun.source();
		Counts counts = new Counts();
		try {
			Harvester harvester = harvesters.get(source.kind());
			if (harvester == null) {
				fail(begun, NO_HARVESTER);
				return;
			}
			SourceClient client = SourceClient.create(Duration.ofSeconds(source.timeoutSeconds()), source.maxBytes(),
					source.maxPages(), properties.harvestPrivateAddresses());
			Pages pages = new Pages(begun, counts);
			harvester.harvest(new SourceSpec(source.id(), source.url(), source.pageSize()), client, pages);
			if (pages.abort != null) {
				throw pages.abort;
			}
			finish(begun, counts);
		}
		catch (HarvestFailure e) {
			fail(begun, e.getMessage() == null ? "Harvest failed" : e.getMessage());
		}
		catch (Exception | StackOverflowError e) {
			log.warn("Harvest of source {} failed", source.id(), e);
			fail(begun, describe(e));
		}
		catch (Throwable e) {
			fail(begun, describe(e));
			throw e;
		}
		finally {
			running.remove(source.id());
		}
	}

	private void finish(Begun begun, Counts counts) {
		TenantContext.runAs(begun.organisation(), () -> transactions.executeWithoutResult(status -> {
			HarvestJob job = jobs.findById(begun.jobId()).orElseThrow();
			if (counts.seen == 0 && hasRecords(begun.source().id())) {
				job.fail(EMPTY_SOURCE, clock.instant());
				published(begun, job);
				return;
			}
			int withdrawn = store.withdrawMissing(begun.source(), begun.jobId());
			job.succeed(withdrawn, clock.instant());
			published(begun, job);
		}));
	}

	private boolean hasRecords(UUID sourceId) {
		Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM opendata_harvest_record WHERE source_id = ?",
				Integer.class, sourceId);
		return count != null && count > 0;
	}

	private void fail(Begun begun, String reason) {
		try {
			TenantContext.runAs(begun.organisation(), () -> transactions.executeWithoutResult(status -> {
				HarvestJob job = jobs.findById(begun.jobId()).orElseThrow();
				job.fail(reason, clock.instant());
				published(begun, job);
			}));
		}
		catch (RuntimeException e) {
			log.error("Could not record the failure of harvest job {}: {}", begun.jobId(), reason, e);
		}
	}

	private void published(Begun begun, HarvestJob job) {
		events.publishEvent(new HarvestRunFinished(job.id(), job.sourceId(), begun.organisation().value(),
				begun.actor(), job.status(), job.created(), job.updated(), job.unchanged(), job.withdrawn(),
				job.failed(), job.message()));
	}

	private static String describe(Throwable e) {
		String message = e.getMessage();
		String reason = e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
		return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
	}

	/** Writes the pages a harvester hands over, and stops a run that pages on and on. */
	private final class Pages implements PageSink {

		private final Begun begun;
		private final Counts counts;
		/** Hashes of the record ids read in this run: a page of records all read already is a paging loop. */
		private final Set<Long> read = new HashSet<>();
		private @Nullable HarvestFailure abort;

		Pages(Begun begun, Counts counts) {
			this.begun = begun;
			this.counts = counts;
		}

		@Override
		public void accept(List<DatasetRecord> records, List<RecordFailure> failures) {
			if (abort != null) {
				throw abort;
			}
			HarvestSource source = begun.source();
			if (counts.pages + 1 > source.maxPages()) {
				throw stop(new HarvestFailure("More than " + source.maxPages() + " pages: stopped"));
			}
			if (Thread.currentThread().isInterrupted()) {
				throw stop(new HarvestFailure(INTERRUPTED));
			}
			boolean anyNew = false;
			for (DatasetRecord record : records) {
				anyNew |= read.add(hash(record.recordId()));
			}
			if (!records.isEmpty() && !anyNew) {
				throw stop(new HarvestFailure("Paging loop: page " + (counts.pages + 1)
						+ " gives only records already read in this run"));
			}
			write(records, failures);
		}

		private HarvestFailure stop(HarvestFailure failure) {
			abort = failure;
			return failure;
		}

		private void write(List<DatasetRecord> records, List<RecordFailure> failures) {
			OrganisationId organisation = begun.organisation();
			HarvestSource source = begun.source();
			UUID jobId = begun.jobId();
			int seen = records.size() + failures.size();
			Counts next;
			try {
				next = TenantContext.callAs(organisation, () -> transactions.execute(status -> {
					Counts page = new Counts();
					for (DatasetRecord record : records) {
						count(page, store.upsertHarvested(source, jobId, record));
					}
					return commit(page, seen, failures);
				}));
			}
			catch (RuntimeException e) {
				log.debug("Page {} of job {} written record by record: {}", counts.pages + 1, jobId, e.toString());
				next = null;
			}
			if (next == null) {
				// A record failed and rolled the page back: each record alone, the bad ones as failures.
				Counts page = new Counts();
				List<RecordFailure> all = new ArrayList<>(failures);
				for (DatasetRecord record : records) {
					try {
						Outcome outcome = TenantContext.callAs(organisation,
								() -> transactions.execute(status -> store.upsertHarvested(source, jobId, record)));
						count(page, outcome);
					}
					catch (RuntimeException e) {
						all.add(new RecordFailure(record.recordId(), describe(e)));
					}
				}
				next = TenantContext.callAs(organisation,
						() -> transactions.execute(status -> commit(page, seen, all)));
			}
			store.harvested(next.created - counts.created);
			counts.pages = next.pages;
			counts.seen = next.seen;
			counts.created = next.created;
			counts.updated = next.updated;
			counts.unchanged = next.unchanged;
			counts.failed = next.failed;
			counts.storedFailures = next.storedFailures;
		}

		private void count(Counts page, Outcome outcome) {
			switch (outcome) {
				case CREATED -> page.created++;
				case UPDATED -> page.updated++;
				case UNCHANGED -> page.unchanged++;
			}
		}

		/** Inside the page's transaction: records the failures and the job's progress; returns the run's counts. */
		private Counts commit(Counts page, int seen, List<RecordFailure> failures) {
			UUID jobId = begun.jobId();
			Counts next = new Counts();
			next.storedFailures = counts.storedFailures;
			List<Object[]> rows = new ArrayList<>();
			for (RecordFailure failure : failures) {
				if (failure.recordId() != null) {
					// The last good version of a record that could not be read this time stays in the catalogue.
					jdbc.update("UPDATE opendata_harvest_record SET last_job_id = ? WHERE source_id = ? "
							+ "AND record_id = ?", jobId, begun.source().id(), clip(failure.recordId(), 700));
				}
				if (next.storedFailures < MAX_STORED_FAILURES) {
					rows.add(new Object[] { jobId, next.storedFailures++,
							failure.recordId() == null ? null : clip(failure.recordId(), 700),
							clip(failure.reason().isBlank() ? "?" : failure.reason(), 2000) });
				}
			}
			if (!rows.isEmpty()) {
				jdbc.batchUpdate("INSERT INTO opendata_harvest_failure (job_id, position, record_id, reason) "
						+ "VALUES (?, ?, ?, ?)", rows);
			}
			next.pages = counts.pages + 1;
			next.seen = counts.seen + seen;
			next.created = counts.created + page.created;
			next.updated = counts.updated + page.updated;
			next.unchanged = counts.unchanged + page.unchanged;
			next.failed = counts.failed + failures.size();
			HarvestJob job = jobs.findById(jobId).orElseThrow();
			job.progress(next.pages, next.seen, next.created, next.updated, next.unchanged, next.failed);
			return next;
		}
	}

	private static String clip(String value, int max) {
		return value.length() > max ? value.substring(0, max) : value;
	}

	private static long hash(String recordId) {
		return (long) recordId.hashCode() << 32 | new StringBuilder(recordId).reverse().toString().hashCode() & 0xffffffffL;
	}

	/** Marks the runs that were going on when the application stopped (started before {@code startedBefore}). */
	int recover(Instant startedBefore) {
		return TenantContext.callAsSystem(() -> transactions.execute(status -> jdbc.update(
				"UPDATE opendata_harvest_job SET status = 'FAILED', finished_at = ?, message = ? "
						+ "WHERE status = 'RUNNING' AND started_at < ?",
				java.sql.Timestamp.from(clock.instant()), INTERRUPTED, java.sql.Timestamp.from(startedBefore))));
	}
}
