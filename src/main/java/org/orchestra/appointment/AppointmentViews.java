package org.orchestra.appointment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.LocalizedText;
import org.orchestra.tenancy.OrganisationId;

/** The read models the appointment module gives its pages and API. */
public final class AppointmentViews {

	private AppointmentViews() {
	}

	/** A bookable service. */
	public record ServiceView(UUID id, String code, LocalizedText name, int durationMinutes, boolean active) {
	}

	/** A counter with the services it handles. */
	public record CounterView(UUID id, String name, int capacity, boolean active, Set<UUID> services) {
	}

	/** An opening period of a weekday. */
	public record HoursView(UUID id, DayOfWeek day, LocalTime opens, LocalTime closes, @Nullable LocalTime breakStarts,
			@Nullable LocalTime breakEnds) {
	}

	/** A closure. */
	public record ClosureView(UUID id, LocalDate firstDay, LocalDate lastDay, String reason) {
	}

	/** A public holiday. */
	public record HolidayView(LocalDate day, String nameKey) {
	}

	/** The booking rules. */
	public record RulesView(int horizonDays, int minNoticeMinutes, int gridMinutes) {
	}

	/** A commune's whole configuration. */
	public record ConfigurationView(RulesView rules, List<ServiceView> services, List<CounterView> counters,
			List<HoursView> hours, List<ClosureView> closures, List<HolidayView> holidays) {
	}

	/** A free slot: when, and how many seats are left. */
	public record FreeSlot(Instant start, Instant end, int free) {
	}

	/** One day of availability: closed (with the reason or holiday key), or its free slots. */
	public record DayAvailability(LocalDate day, @Nullable String closedReason, List<FreeSlot> slots) {
	}

	/** An appointment as the citizen and the agent see it. */
	public record AppointmentView(UUID id, String reference, OrganisationId organisation, UUID serviceId,
			LocalizedText serviceName, UUID counterId, String counterName, Instant start, Instant end,
			AppointmentStatus status, String name, String email, String locale, int sequence) {
	}

	/** A booking made: the appointment and the link token that manages it. */
	public record Booked(AppointmentView appointment, String manageToken) {
	}

	/** Bookings of a service over a period. */
	public record ServiceStatistics(UUID serviceId, LocalizedText serviceName, long booked, long done, long noShow,
			long cancelled) {

		/** No-shows among appointments that took place or should have. */
		public double noShowRate() {
			long due = done + noShow;
			return due == 0 ? 0 : (double) noShow / due;
		}
	}
}
