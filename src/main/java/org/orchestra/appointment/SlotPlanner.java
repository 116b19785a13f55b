package org.orchestra.appointment;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Computes free slots from a commune's plan: weekly opening periods minus breaks, minus public holidays and
 * closures, within the booking horizon and after the minimum notice, on a grid of time cells. A service takes as
 * many consecutive cells as its duration needs; a slot is free at a counter when every one of those cells still
 * has a seat.
 */
final class SlotPlanner {

	private SlotPlanner() {
	}

	record Period(DayOfWeek day, LocalTime opens, LocalTime closes, @Nullable LocalTime breakStarts,
			@Nullable LocalTime breakEnds) {

		/** The open intervals of the period: one, or two around the break. */
		List<LocalTime[]> intervals() {
			if (breakStarts == null || breakEnds == null || !breakStarts.isBefore(breakEnds)
					|| !breakStarts.isAfter(opens) || !breakEnds.isBefore(closes)) {
				return List.<LocalTime[]>of(new LocalTime[] { opens, closes });
			}
			return List.of(new LocalTime[] { opens, breakStarts }, new LocalTime[] { breakEnds, closes });
		}
	}

	record ClosedDays(LocalDate first, LocalDate last, String reason) {

		boolean covers(LocalDate day) {
			return !day.isBefore(first) && !day.isAfter(last);
		}
	}

	record Rules(int horizonDays, int minNoticeMinutes, int gridMinutes) {
	}

	record CounterPlan(UUID id, int capacity, Set<UUID> services) {
	}

	record Plan(ZoneId zone, Rules rules, List<Period> periods, List<ClosedDays> closures, List<CounterPlan> counters) {
	}

	record Cell(UUID counter, Instant start) {
	}

	record Slot(Instant start, Instant end, int free) {
	}

	static int cellCount(int durationMinutes, int gridMinutes) {
		return (durationMinutes + gridMinutes - 1) / gridMinutes;
	}

	/** The cells a booking starting at {@code start} occupies, in time order. */
	static List<Instant> cells(Instant start, int durationMinutes, int gridMinutes) {
		List<Instant> cells = new ArrayList<>();
		for (int i = 0; i < cellCount(durationMinutes, gridMinutes); i++) {
			cells.add(start.plus(Duration.ofMinutes((long) i * gridMinutes)));
		}
		return cells;
	}

	/** Why the counters are closed that day (a holiday's message key or a closure's reason), if they are. */
	static Optional<String> closedBecause(Plan plan, LocalDate day) {
		String holiday = BelgianHolidays.of(day.getYear()).get(day);
		if (holiday != null) {
			return Optional.of(holiday);
		}
		return plan.closures().stream().filter(c -> c.covers(day)).map(ClosedDays::reason).findFirst();
	}

	/** Every start time of a service on a day, free or not, ignoring notice and horizon. */
	static List<Instant> starts(Plan plan, LocalDate day, int durationMinutes) {
		if (closedBecause(plan, day).isPresent()) {
			return List.of();
		}
		int grid = plan.rules().gridMinutes();
		long length = (long) cellCount(durationMinutes, grid) * grid;
		List<Instant> starts = new ArrayList<>();
		plan.periods()
			.stream()
			.filter(p -> p.day() == day.getDayOfWeek())
			.sorted(Comparator.comparing(Period::opens))
			.forEach(period -> {
				for (LocalTime[] interval : period.intervals()) {
					int from = interval[0].toSecondOfDay() / 60;
					int to = interval[1].toSecondOfDay() / 60;
					for (int minute = from; minute + length <= to; minute += grid) {
						starts.add(day.atTime(LocalTime.ofSecondOfDay(minute * 60L)).atZone(plan.zone()).toInstant());
					}
				}
			});
		return starts.stream().distinct().sorted().toList();
	}

	/** Whether the day is inside the booking window (from today to the horizon). */
	static boolean withinHorizon(Plan plan, LocalDate day, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, plan.zone());
		return !day.isBefore(today) && !day.isAfter(today.plusDays(plan.rules().horizonDays()));
	}

	/** Whether a citizen may book this start for this service now (valid time, notice and horizon respected). */
	static boolean bookable(Plan plan, int durationMinutes, Instant start, Instant now) {
		LocalDate day = LocalDate.ofInstant(start, plan.zone());
		return withinHorizon(plan, day, now)
				&& !start.isBefore(now.plus(Duration.ofMinutes(plan.rules().minNoticeMinutes())))
				&& starts(plan, day, durationMinutes).contains(start);
	}

	/** Seats left for a service at a start, over the counters that handle it. */
	static int free(Plan plan, UUID service, int durationMinutes, Instant start, Map<Cell, Integer> booked) {
		int free = 0;
		List<Instant> cells = cells(start, durationMinutes, plan.rules().gridMinutes());
		for (CounterPlan counter : plan.counters()) {
			if (!counter.services().contains(service)) {
				continue;
			}
			int seats = counter.capacity();
			for (Instant cell : cells) {
				seats = Math.min(seats, counter.capacity() - booked.getOrDefault(new Cell(counter.id(), cell), 0));
			}
			free += Math.max(0, seats);
		}
		return free;
	}

	/** The free slots of a service on a day. */
	static List<Slot> freeSlots(Plan plan, UUID service, int durationMinutes, LocalDate day, Instant now,
			Map<Cell, Integer> booked) {
		if (!withinHorizon(plan, day, now)) {
			return List.of();
		}
		Instant earliest = now.plus(Duration.ofMinutes(plan.rules().minNoticeMinutes()));
		List<Slot> slots = new ArrayList<>();
		for (Instant start : starts(plan, day, durationMinutes)) {
			if (start.isBefore(earliest)) {
				continue;
			}
			int free = free(plan, service, durationMinutes, start, booked);
			if (free > 0) {
				slots.add(new Slot(start, start.plus(Duration.ofMinutes(durationMinutes)), free));
			}
		}
		return slots;
	}
}
