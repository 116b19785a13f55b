package org.orchestra.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.appointment.AppointmentViews.AppointmentView;
import org.orchestra.appointment.AppointmentViews.CounterView;
import org.orchestra.appointment.AppointmentViews.ServiceStatistics;
import org.orchestra.identity.CurrentUser;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantGuard;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agents' side, for the organisation they act for: the day's appointments per counter, marking arrivals,
 * completions and no-shows, and statistics per service.
 */
@Service
@Transactional
public class AppointmentDesk {

	private static final Map<AppointmentStatus, Set<AppointmentStatus>> TRANSITIONS = Map.of(AppointmentStatus.BOOKED,
			EnumSet.of(AppointmentStatus.ARRIVED, AppointmentStatus.NO_SHOW), AppointmentStatus.ARRIVED,
			EnumSet.of(AppointmentStatus.DONE, AppointmentStatus.BOOKED), AppointmentStatus.NO_SHOW,
			EnumSet.of(AppointmentStatus.ARRIVED), AppointmentStatus.DONE, EnumSet.of(AppointmentStatus.ARRIVED));

	private final Appointments appointments;
	private final Counters counters;
	private final Planning planning;
	private final TenantGuard tenants;
	private final CurrentUser currentUser;
	private final ApplicationEventPublisher events;

	AppointmentDesk(Appointments appointments, Counters counters, Planning planning, TenantGuard tenants,
			CurrentUser currentUser, ApplicationEventPublisher events) {
		this.appointments = appointments;
		this.counters = counters;
		this.planning = planning;
		this.tenants = tenants;
		this.currentUser = currentUser;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public List<CounterView> counters() {
		tenants.require();
		return counters.findAllByOrderByNameAsc()
			.stream()
			.map(c -> new CounterView(c.id(), c.name(), c.capacity(), c.active(), c.services()))
			.toList();
	}

	/** The appointments of a day, in time order, at one counter or at all of them. */
	@Transactional(readOnly = true)
	public List<AppointmentView> day(LocalDate day, @Nullable UUID counter) {
		tenants.require();
		Instant from = day.atStartOfDay(planning.zone()).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(planning.zone()).toInstant();
		Map<UUID, BookableService> services = planning.servicesById();
		Map<UUID, Counter> desks = planning.countersById();
		return appointments.findByStartsAtGreaterThanEqualAndStartsAtLessThanOrderByStartsAtAsc(from, to)
			.stream()
			.filter(a -> counter == null || a.counterId().equals(counter))
			.map(a -> planning.view(a, services.get(a.serviceId()), desks.get(a.counterId())))
			.toList();
	}

	/**
	 * Records what happened at the counter: arrived, done, no-show (only once the appointment time has come), or
	 * back to expected. Cancelled appointments cannot be marked.
	 */
	public AppointmentView mark(UUID id, AppointmentStatus status) {
		OrganisationId organisation = tenants.require();
		Appointment appointment = appointments.findById(id)
			.orElseThrow(() -> new AppointmentException("appointment.error.not-found", 404));
		if (!TRANSITIONS.getOrDefault(appointment.status(), Set.of()).contains(status)) {
			throw new AppointmentException("appointment.error.transition", 409);
		}
		if (status == AppointmentStatus.NO_SHOW && Instant.now().isBefore(appointment.startsAt())) {
			throw new AppointmentException("appointment.error.no-show-early", 409);
		}
		appointment.mark(status);
		appointments.flush();
		events.publishEvent(new AppointmentChanged(id, organisation.value(),
				status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), currentUser.actorName(), status));
		return planning.view(appointment);
	}

	/** Bookings, completions, no-shows and cancellations per service over a period of days. */
	@Transactional(readOnly = true)
	public List<ServiceStatistics> statistics(LocalDate from, LocalDate to) {
		tenants.require();
		Instant start = from.atStartOfDay(planning.zone()).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(planning.zone()).toInstant();
		Map<UUID, long[]> counts = new HashMap<>();
		for (Object[] row : appointments.countByServiceAndStatus(start, end)) {
			long[] c = counts.computeIfAbsent((UUID) row[0], k -> new long[4]);
			AppointmentStatus status = (AppointmentStatus) row[1];
			long n = ((Number) row[2]).longValue();
			switch (status) {
				case CANCELLED -> c[3] += n;
				case NO_SHOW -> {
					c[0] += n;
					c[2] += n;
				}
				case DONE -> {
					c[0] += n;
					c[1] += n;
				}
				default -> c[0] += n;
			}
		}
		List<ServiceStatistics> result = new ArrayList<>();
		planning.servicesById().forEach((id, service) -> {
			long[] c = counts.getOrDefault(id, new long[4]);
			result.add(new ServiceStatistics(id, service.name(), c[0], c[1], c[2], c[3]));
		});
		result.sort(Comparator.comparing(s -> s.serviceName().fr()));
		return result;
	}
}
