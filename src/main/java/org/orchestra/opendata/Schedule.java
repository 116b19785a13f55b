package org.orchestra.opendata;

import java.time.Duration;
import java.util.Optional;

/** How often a source is harvested on its own; {@code MANUAL} sources run only on demand. */
public enum Schedule {
	MANUAL(null), HOURLY(Duration.ofHours(1)), DAILY(Duration.ofDays(1)), WEEKLY(Duration.ofDays(7)),
	MONTHLY(Duration.ofDays(30));

	private final Duration interval;

	Schedule(Duration interval) {
		this.interval = interval;
	}

	public Optional<Duration> interval() {
		return Optional.ofNullable(interval);
	}
}
