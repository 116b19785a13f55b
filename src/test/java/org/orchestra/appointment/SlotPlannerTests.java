package org.orchestra.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Slot generation from hours, breaks, closures, holidays, notice, horizon and seats left. */
class SlotPlannerTests {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
	static final UUID SERVICE = UUID.randomUUID();
	static final UUID OTHER = UUID.randomUUID();
	static final UUID DESK_A = UUID.randomUUID();
	static final UUID DESK_B = UUID.randomUUID();

	static SlotPlanner.Plan plan(List<SlotPlanner.ClosedDays> closures, int notice, int horizon) {
		List<SlotPlanner.Period> periods = List.of(
				new SlotPlanner.Period(DayOfWeek.MONDAY, LocalTime.of(8, 30), LocalTime.of(12, 0), LocalTime.of(10, 0),
						LocalTime.of(10, 30)),
				new SlotPlanner.Period(DayOfWeek.THURSDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), null, null),
				new SlotPlanner.Period(DayOfWeek.THURSDAY, LocalTime.of(17, 0), LocalTime.of(18, 0), null, null),
				new SlotPlanner.Period(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), null, null));
		return new SlotPlanner.Plan(BRUSSELS, new SlotPlanner.Rules(horizon, notice, 15), periods, closures,
				List.of(new SlotPlanner.CounterPlan(DESK_A, 1, Set.of(SERVICE, OTHER)),
						new SlotPlanner.CounterPlan(DESK_B, 2, Set.of(SERVICE))));
	}

	static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(BRUSSELS).toInstant();
	}

	static List<String> times(List<Instant> starts) {
		return starts.stream().map(i -> i.atZone(BRUSSELS).toLocalTime().toString()).toList();
	}

	@Test
	void slotsFollowTheOpeningHoursAndSkipTheBreak() {
		LocalDate monday = LocalDate.of(2026, 12, 7);
		assertThat(times(SlotPlanner.starts(plan(List.of(), 0, 60), monday, 30))).containsExactly("08:30", "08:45",
				"09:00", "09:15", "09:30", "10:30", "10:45", "11:00", "11:15", "11:30");
		assertThat(times(SlotPlanner.starts(plan(List.of(), 0, 60), monday, 15))).contains("09:45", "11:45")
			.doesNotContain("10:00", "10:15", "12:00");
		// a duration that is not a multiple of the cell takes whole cells
		assertThat(times(SlotPlanner.starts(plan(List.of(), 0, 60), monday, 20))).contains("09:30")
			.doesNotContain("09:45");
		// two periods on Thursday, nothing on Tuesday
		assertThat(times(SlotPlanner.starts(plan(List.of(), 0, 60), LocalDate.of(2026, 12, 10), 30)))
			.containsExactly("09:00", "09:15", "09:30", "17:00", "17:15", "17:30");
		assertThat(SlotPlanner.starts(plan(List.of(), 0, 60), LocalDate.of(2026, 12, 8), 15)).isEmpty();
	}

	@Test
	void publicHolidaysAndClosuresCloseTheCounters() {
		assertThat(BelgianHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(BelgianHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
		assertThat(BelgianHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(BelgianHolidays.of(2026)).containsKeys(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 6),
				LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 7, 21),
				LocalDate.of(2026, 8, 15), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 11),
				LocalDate.of(2026, 12, 25));
		assertThat(BelgianHolidays.isHoliday(LocalDate.of(2026, 5, 8))).as("8 May (Iris day) is regional").isFalse();
		assertThat(BelgianHolidays.isHoliday(LocalDate.of(2026, 7, 11))).isFalse();

		SlotPlanner.Plan plan = plan(List.of(new SlotPlanner.ClosedDays(LocalDate.of(2026, 12, 14),
				LocalDate.of(2026, 12, 18), "Travaux")), 0, 400);
		// Easter Monday 2026 is a Monday: closed
		assertThat(SlotPlanner.starts(plan, LocalDate.of(2026, 4, 6), 15)).isEmpty();
		assertThat(SlotPlanner.closedBecause(plan, LocalDate.of(2026, 4, 6))).contains("appointment.holiday.easter-monday");
		// Whit Monday 2026 (25 May) closed, the Monday after open
		assertThat(SlotPlanner.starts(plan, LocalDate.of(2026, 5, 25), 15)).isEmpty();
		assertThat(SlotPlanner.starts(plan, LocalDate.of(2026, 6, 1), 15)).isNotEmpty();
		// Ascension 2026 is Thursday 14 May
		assertThat(SlotPlanner.starts(plan, LocalDate.of(2026, 5, 14), 15)).isEmpty();
		// 8 May 2026 is a Friday: open
		assertThat(SlotPlanner.starts(plan, LocalDate.of(2026, 5, 8), 15)).isNotEmpty();
		// the closure covers its first and last day only
		assertThat(SlotPlanner.starts(plan, LocalDate.of(2026, 12, 14), 15)).isEmpty();
		assertThat(SlotPlanner.starts(plan, LocalDate.of(2026, 12, 18), 15)).isEmpty();
		assertThat(SlotPlanner.closedBecause(plan, LocalDate.of(2026, 12, 17))).contains("Travaux");
		assertThat(SlotPlanner.starts(plan, LocalDate.of(2026, 12, 21), 15)).isNotEmpty();
	}

	@Test
	void noticeAndHorizonLimitWhatCanBeBooked() {
		LocalDate monday = LocalDate.of(2026, 12, 7);
		Instant now = at(monday, 9, 10);
		SlotPlanner.Plan plan = plan(List.of(), 60, 10);
		List<SlotPlanner.Slot> today = SlotPlanner.freeSlots(plan, SERVICE, 15, monday, now, Map.of());
		assertThat(today.get(0).start()).isEqualTo(at(monday, 10, 30));
		assertThat(SlotPlanner.bookable(plan, 15, at(monday, 10, 0), now)).as("in the break").isFalse();
		assertThat(SlotPlanner.bookable(plan, 15, at(monday, 9, 45), now)).as("within the notice").isFalse();
		assertThat(SlotPlanner.bookable(plan, 15, at(monday, 10, 30), now)).isTrue();
		assertThat(SlotPlanner.bookable(plan, 15, at(monday, 10, 37), now)).as("off the grid").isFalse();
		assertThat(SlotPlanner.bookable(plan, 15, at(LocalDate.of(2026, 12, 17), 9, 0), now)).isTrue();
		assertThat(SlotPlanner.bookable(plan, 15, at(LocalDate.of(2026, 12, 18), 9, 0), now)).as("beyond horizon")
			.isFalse();
		assertThat(SlotPlanner.freeSlots(plan, SERVICE, 15, monday.minusDays(7), now, Map.of())).as("past").isEmpty();
	}

	@Test
	void seatsAreCountedPerCounterOverEveryCellOfTheService() {
		LocalDate friday = LocalDate.of(2026, 12, 11);
		Instant now = at(friday, 0, 0);
		SlotPlanner.Plan plan = plan(List.of(), 0, 60);
		Map<SlotPlanner.Cell, Integer> booked = new HashMap<>();
		assertThat(SlotPlanner.free(plan, SERVICE, 30, at(friday, 9, 0), booked)).isEqualTo(3);
		assertThat(SlotPlanner.free(plan, OTHER, 30, at(friday, 9, 0), booked)).as("only desk A").isEqualTo(1);
		booked.put(new SlotPlanner.Cell(DESK_A, at(friday, 9, 15)), 1);
		booked.put(new SlotPlanner.Cell(DESK_B, at(friday, 9, 15)), 2);
		// 9:00 for 30 minutes needs 9:15 too: full at both desks
		assertThat(SlotPlanner.free(plan, SERVICE, 30, at(friday, 9, 0), booked)).isZero();
		assertThat(SlotPlanner.free(plan, SERVICE, 15, at(friday, 9, 0), booked)).isEqualTo(3);
		assertThat(times(SlotPlanner.freeSlots(plan, SERVICE, 30, friday, now, booked)
			.stream()
			.map(SlotPlanner.Slot::start)
			.toList())).containsExactly("09:30");
		assertThat(SlotPlanner.freeSlots(plan, OTHER, 15, friday, now, booked)).hasSize(3);
	}
}
