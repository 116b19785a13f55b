package org.orchestra.assistant;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts per organisation and day — questions answered and not answered, hand-offs, closed and erased
 * conversations — and first-response times. They hold no personal data and outlive the conversations they count.
 */
@Component
public class AssistantStatistics {

	static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

	/** The counters of a day. */
	enum Counter {
		ANSWERED("answered"), UNANSWERED("unanswered"), HANDED_OFF("handed_off"), CLOSED("closed"), ERASED("erased");

		final String column;

		Counter(String column) {
			this.column = column;
		}
	}

	private final JdbcTemplate jdbc;

	AssistantStatistics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void count(String organisation, Counter counter, long by) {
		Date day = Date.valueOf(LocalDate.now(ZONE));
		String update = "update assistant_daily_count set " + counter.column + " = " + counter.column
				+ " + ? where organisation_id = ? and stat_day = ?";
		if (jdbc.update(update, by, organisation, day) == 0) {
			jdbc.update("insert into assistant_daily_count (organisation_id, stat_day, answered, unanswered, handed_off, closed, erased) "
					+ "values (?, ?, 0, 0, 0, 0, 0) on conflict do nothing", organisation, day);
			jdbc.update(update, by, organisation, day);
		}
	}

	void responseTime(String organisation, Duration time) {
		jdbc.update("insert into assistant_response_time (id, organisation_id, stat_day, seconds) values (?, ?, ?, ?)",
				UUID.randomUUID(), organisation, Date.valueOf(LocalDate.now(ZONE)), Math.max(0, time.toSeconds()));
	}

	/** One day's counts. */
	public record Day(LocalDate day, long answered, long unanswered, long handedOff, long closed, long erased) {
	}

	/**
	 * An organisation's figures over a period.
	 *
	 * @param medianFirstResponse median time from hand-off to the first answer of an agent, if any was answered
	 */
	public record Summary(LocalDate from, LocalDate to, long answered, long unanswered, long handedOff, long closed,
			long erased, long firstResponses, @Nullable Duration medianFirstResponse, List<Day> days) {

		/** Share of questions the assistant answered itself, in percent. */
		public long answeredShare() {
			long asked = answered + unanswered;
			return asked == 0 ? 0 : Math.round(100.0 * answered / asked);
		}
	}

	Summary summary(String organisation, LocalDate from, LocalDate to) {
		List<Day> days = jdbc.query(
				"select stat_day, answered, unanswered, handed_off, closed, erased from assistant_daily_count "
						+ "where organisation_id = ? and stat_day between ? and ? order by stat_day desc",
				(rs, i) -> new Day(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5), rs.getLong(6)),
				organisation, Date.valueOf(from), Date.valueOf(to));
		List<Long> seconds = new ArrayList<>(jdbc.queryForList(
				"select seconds from assistant_response_time where organisation_id = ? and stat_day between ? and ? order by seconds",
				Long.class, organisation, Date.valueOf(from), Date.valueOf(to)));
		Duration median = null;
		if (!seconds.isEmpty()) {
			int n = seconds.size();
			long value = n % 2 == 1 ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2;
			median = Duration.ofSeconds(value);
		}
		return new Summary(from, to, days.stream().mapToLong(Day::answered).sum(),
				days.stream().mapToLong(Day::unanswered).sum(), days.stream().mapToLong(Day::handedOff).sum(),
				days.stream().mapToLong(Day::closed).sum(), days.stream().mapToLong(Day::erased).sum(), seconds.size(),
				median, days);
	}
}
