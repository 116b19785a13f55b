package org.orchestra.opendata;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.orchestra.tenancy.OrganisationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the scheduled harvests: every {@code orchestra.opendata.scheduler-delay-millis}, each enabled source whose
 * next run is due is started (one that is still running is left alone). At start-up, runs that a stop or crash
 * interrupted are marked failed.
 */
@Component
class HarvestScheduler {

	static final String SCHEDULER = "system";

	private static final Logger log = LoggerFactory.getLogger(HarvestScheduler.class);

	private final HarvestRunner runner;
	private final JdbcTemplate jdbc;
	private final Clock clock = Clock.systemUTC();
	private final Instant startedAt = clock.instant();

	HarvestScheduler(HarvestRunner runner, JdbcTemplate jdbc) {
		this.runner = runner;
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationReadyEvent.class)
	void recoverInterruptedRuns() {
		int interrupted = runner.recover(startedAt);
		if (interrupted > 0) {
			log.warn("{} harvest runs were interrupted by a stop of the application: marked failed", interrupted);
		}
	}

	private record Due(UUID source, String organisation) {
	}

	/** Starts every due source; returns the jobs started. */
	@Scheduled(fixedDelayString = "${orchestra.opendata.scheduler-delay-millis:60000}",
			initialDelayString = "${orchestra.opendata.scheduler-delay-millis:60000}")
	List<UUID> startDue() {
		List<Due> due = jdbc.query(
				"SELECT id, organisation_id FROM opendata_source WHERE enabled = TRUE AND schedule <> 'MANUAL' "
						+ "AND next_run_at IS NOT NULL AND next_run_at <= ? ORDER BY next_run_at",
				(rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getString(2)),
				java.sql.Timestamp.from(clock.instant()));
		List<UUID> started = new java.util.ArrayList<>();
		for (Due source : due) {
			if (runner.isRunning(source.source())) {
				continue;
			}
			try {
				started.add(runner.start(OrganisationId.of(source.organisation()), source.source(), SCHEDULER));
			}
			catch (OpendataException e) {
				log.info("Scheduled harvest of source {} not started: {}", source.source(), e.messageKey());
			}
			catch (RuntimeException e) {
				log.warn("Scheduled harvest of source {} not started", source.source(), e);
			}
		}
		return started;
	}
}
