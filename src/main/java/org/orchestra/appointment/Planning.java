package org.orchestra.appointment;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.orchestra.appointment.AppointmentViews.AppointmentView;
import org.springframework.stereotype.Component;

/** Reads the current organisation's plan (inside a transaction opened for it) and builds views. */
@Component
class Planning {

	private final Services services;
	private final Counters counters;
	private final Hours hours;
	private final Closures closures;
	private final Settings settings;
	private final ZoneId zone;

	Planning(Services services, Counters counters, Hours hours, Closures closures, Settings settings,
			AppointmentProperties properties) {
		this.services = services;
		this.counters = counters;
		this.hours = hours;
		this.closures = closures;
		this.settings = settings;
		this.zone = ZoneId.of(properties.zone());
	}

	ZoneId zone() {
		return zone;
	}

	SlotPlanner.Rules rules() {
		return settings.findFirstBy()
			.map(BookingSettings::rules)
			.orElse(new SlotPlanner.Rules(BookingSettings.DEFAULT_HORIZON_DAYS, BookingSettings.DEFAULT_NOTICE_MINUTES,
					BookingSettings.DEFAULT_GRID_MINUTES));
	}

	SlotPlanner.Plan plan() {
		List<SlotPlanner.Period> periods = hours.findAll().stream().map(OpeningHours::period).toList();
		List<SlotPlanner.ClosedDays> closed = closures.findAll().stream().map(Closure::days).toList();
		List<SlotPlanner.CounterPlan> desks = counters.findAll()
			.stream()
			.filter(Counter::active)
			.sorted(Comparator.comparing(Counter::name))
			.map(c -> new SlotPlanner.CounterPlan(c.id(), c.capacity(), c.services()))
			.toList();
		return new SlotPlanner.Plan(zone, rules(), periods, closed, desks);
	}

	Map<UUID, BookableService> servicesById() {
		Map<UUID, BookableService> byId = new HashMap<>();
		services.findAll().forEach(s -> byId.put(s.id(), s));
		return byId;
	}

	Map<UUID, Counter> countersById() {
		Map<UUID, Counter> byId = new HashMap<>();
		counters.findAll().forEach(c -> byId.put(c.id(), c));
		return byId;
	}

	AppointmentView view(Appointment a, BookableService service, Counter counter) {
		return new AppointmentView(a.id(), a.reference(), new org.orchestra.tenancy.OrganisationId(a.organisationId()),
				service.id(), service.name(), counter.id(), counter.name(), a.startsAt(), a.endsAt(), a.status(),
				a.name(), a.email(), a.locale(), a.icsSequence());
	}

	AppointmentView view(Appointment a) {
		BookableService service = services.findById(a.serviceId()).orElseThrow();
		Counter counter = counters.findById(a.counterId()).orElseThrow();
		return view(a, service, counter);
	}
}
