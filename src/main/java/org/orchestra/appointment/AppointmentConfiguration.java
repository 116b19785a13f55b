package org.orchestra.appointment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.appointment.AppointmentViews.ClosureView;
import org.orchestra.appointment.AppointmentViews.ConfigurationView;
import org.orchestra.appointment.AppointmentViews.CounterView;
import org.orchestra.appointment.AppointmentViews.HolidayView;
import org.orchestra.appointment.AppointmentViews.HoursView;
import org.orchestra.appointment.AppointmentViews.RulesView;
import org.orchestra.appointment.AppointmentViews.ServiceView;
import org.orchestra.identity.CurrentUser;
import org.orchestra.shared.LocalizedText;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantGuard;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A commune's appointment configuration, managed by its administrators for the organisation they act for:
 * services, counters, opening hours with breaks, closures and booking rules. Every change is audited.
 */
@Service
@Transactional
public class AppointmentConfiguration {

	private static final Set<Integer> GRIDS = Set.of(5, 10, 15, 20, 30, 60);

	private final Services services;
	private final Counters counters;
	private final Hours hours;
	private final Closures closures;
	private final Settings settings;
	private final Appointments appointments;
	private final Planning planning;
	private final CellLedger ledger;
	private final TenantGuard tenants;
	private final CurrentUser currentUser;
	private final ApplicationEventPublisher events;

	AppointmentConfiguration(Services services, Counters counters, Hours hours, Closures closures, Settings settings,
			Appointments appointments, Planning planning, CellLedger ledger, TenantGuard tenants,
			CurrentUser currentUser, ApplicationEventPublisher events) {
		this.services = services;
		this.counters = counters;
		this.hours = hours;
		this.closures = closures;
		this.settings = settings;
		this.appointments = appointments;
		this.planning = planning;
		this.ledger = ledger;
		this.tenants = tenants;
		this.currentUser = currentUser;
		this.events = events;
	}

	static ServiceView view(BookableService s) {
		return new ServiceView(s.id(), s.code(), s.name(), s.durationMinutes(), s.active());
	}

	private OrganisationId organisation() {
		return tenants.require();
	}

	private void changed(String what, Object target) {
		events.publishEvent(new AppointmentConfigurationChanged(organisation().value(), currentUser.actorName(), what,
				target.toString()));
	}

	@Transactional(readOnly = true)
	public ConfigurationView current() {
		organisation();
		SlotPlanner.Rules rules = planning.rules();
		List<ServiceView> serviceViews = services.findAllByOrderByCodeAsc().stream().map(AppointmentConfiguration::view).toList();
		List<CounterView> counterViews = counters.findAllByOrderByNameAsc()
			.stream()
			.map(c -> new CounterView(c.id(), c.name(), c.capacity(), c.active(), c.services()))
			.toList();
		List<HoursView> hourViews = hours.findAll()
			.stream()
			.map(h -> {
				SlotPlanner.Period p = h.period();
				return new HoursView(h.id(), p.day(), p.opens(), p.closes(), p.breakStarts(), p.breakEnds());
			})
			.sorted(Comparator.comparing(HoursView::day).thenComparing(HoursView::opens))
			.toList();
		LocalDate today = LocalDate.now(planning.zone());
		List<ClosureView> closureViews = closures.findAll()
			.stream()
			.filter(c -> !c.days().last().isBefore(today))
			.map(c -> new ClosureView(c.id(), c.days().first(), c.days().last(), c.days().reason()))
			.sorted(Comparator.comparing(ClosureView::firstDay))
			.toList();
		List<HolidayView> holidays = new ArrayList<>();
		for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
			for (Map.Entry<LocalDate, String> h : BelgianHolidays.of(year).entrySet()) {
				if (!h.getKey().isBefore(today) && h.getKey().isBefore(today.plusYears(1))) {
					holidays.add(new HolidayView(h.getKey(), h.getValue()));
				}
			}
		}
		return new ConfigurationView(new RulesView(rules.horizonDays(), rules.minNoticeMinutes(), rules.gridMinutes()),
				serviceViews, counterViews, hourViews, closureViews, holidays);
	}

	private static LocalizedText names(String fr, String nl, @Nullable String en) {
		String f = fr == null ? "" : fr.strip();
		String n = nl == null ? "" : nl.strip();
		String e = en == null ? "" : en.strip();
		if (f.isEmpty() || n.isEmpty()) {
			throw new AppointmentException("appointment.error.names-required");
		}
		if (f.length() > 200 || n.length() > 200 || e.length() > 200) {
			throw new AppointmentException("appointment.error.name-too-long");
		}
		return LocalizedText.of(f, n, e);
	}

	private static void duration(int minutes) {
		if (minutes < 5 || minutes > 240 || minutes % 5 != 0) {
			throw new AppointmentException("appointment.error.duration");
		}
	}

	public ServiceView addService(String code, String fr, String nl, @Nullable String en, int durationMinutes) {
		organisation();
		String clean = code == null ? "" : code.strip();
		if (!clean.matches("[a-z][a-z0-9-]{1,39}")) {
			throw new AppointmentException("appointment.error.code");
		}
		LocalizedText name = names(fr, nl, en);
		duration(durationMinutes);
		if (services.findByCode(clean).isPresent()) {
			throw new AppointmentException("appointment.error.code-taken", 409);
		}
		try {
			BookableService service = services.saveAndFlush(new BookableService(clean, name, durationMinutes));
			changed("service", service.id());
			return view(service);
		}
		catch (DataIntegrityViolationException ex) {
			throw new AppointmentException("appointment.error.code-taken", 409);
		}
	}

	public void updateService(UUID id, String fr, String nl, @Nullable String en, int durationMinutes, boolean active) {
		organisation();
		BookableService service = services.findById(id)
			.orElseThrow(() -> new AppointmentException("appointment.error.service", 404));
		LocalizedText name = names(fr, nl, en);
		duration(durationMinutes);
		service.update(name, durationMinutes, active);
		changed("service", id);
	}

	private Set<UUID> ownServices(Set<UUID> ids) {
		if (ids.isEmpty()) {
			throw new AppointmentException("appointment.error.counter-services");
		}
		for (UUID id : ids) {
			if (services.findById(id).isEmpty()) {
				throw new AppointmentException("appointment.error.service", 404);
			}
		}
		return ids;
	}

	private static String counterName(String name) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 100) {
			throw new AppointmentException("appointment.error.counter-name");
		}
		return clean;
	}

	private static void capacity(int capacity) {
		if (capacity < 1 || capacity > 50) {
			throw new AppointmentException("appointment.error.capacity");
		}
	}

	public CounterView addCounter(String name, int capacity, Set<UUID> serviceIds) {
		organisation();
		String clean = counterName(name);
		capacity(capacity);
		Counter counter = counters.saveAndFlush(new Counter(clean, capacity, ownServices(serviceIds)));
		changed("counter", counter.id());
		return new CounterView(counter.id(), counter.name(), counter.capacity(), counter.active(), counter.services());
	}

	public void updateCounter(UUID id, String name, int capacity, Set<UUID> serviceIds, boolean active) {
		organisation();
		Counter counter = counters.findById(id)
			.orElseThrow(() -> new AppointmentException("appointment.error.counter", 404));
		String clean = counterName(name);
		capacity(capacity);
		counter.update(clean, capacity, ownServices(serviceIds), active);
		counters.flush();
		ledger.resize(id, capacity, Instant.now());
		changed("counter", id);
	}

	public UUID addHours(DayOfWeek day, LocalTime opens, LocalTime closes, @Nullable LocalTime breakStarts,
			@Nullable LocalTime breakEnds) {
		organisation();
		if (!opens.isBefore(closes)) {
			throw new AppointmentException("appointment.error.hours");
		}
		if ((breakStarts == null) != (breakEnds == null)) {
			throw new AppointmentException("appointment.error.break");
		}
		if (breakStarts != null && breakEnds != null
				&& (!breakStarts.isAfter(opens) || !breakEnds.isBefore(closes) || !breakStarts.isBefore(breakEnds))) {
			throw new AppointmentException("appointment.error.break");
		}
		for (OpeningHours existing : hours.findAll()) {
			SlotPlanner.Period p = existing.period();
			if (p.day() == day && opens.isBefore(p.closes()) && p.opens().isBefore(closes)) {
				throw new AppointmentException("appointment.error.hours-overlap");
			}
		}
		OpeningHours saved = hours.saveAndFlush(new OpeningHours(day, opens, closes, breakStarts, breakEnds));
		changed("hours", saved.id());
		return saved.id();
	}

	public void removeHours(UUID id) {
		organisation();
		OpeningHours existing = hours.findById(id)
			.orElseThrow(() -> new AppointmentException("appointment.error.not-found", 404));
		hours.delete(existing);
		changed("hours", id);
	}

	public UUID addClosure(LocalDate first, LocalDate last, String reason) {
		organisation();
		String clean = reason == null ? "" : reason.strip();
		if (clean.isEmpty() || clean.length() > 200) {
			throw new AppointmentException("appointment.error.reason");
		}
		if (last.isBefore(first) || first.isAfter(LocalDate.now(planning.zone()).plusYears(3))) {
			throw new AppointmentException("appointment.error.closure-dates");
		}
		Closure saved = closures.saveAndFlush(new Closure(first, last, clean));
		changed("closure", saved.id());
		return saved.id();
	}

	public void removeClosure(UUID id) {
		organisation();
		Closure existing = closures.findById(id)
			.orElseThrow(() -> new AppointmentException("appointment.error.not-found", 404));
		closures.delete(existing);
		changed("closure", id);
	}

	/**
	 * Changes the booking rules. The length of a time cell can only change while no appointment is booked ahead,
	 * since booked seats are counted per cell.
	 */
	public void updateRules(int horizonDays, int minNoticeMinutes, int gridMinutes) {
		OrganisationId organisation = organisation();
		if (horizonDays < 1 || horizonDays > 366) {
			throw new AppointmentException("appointment.error.horizon");
		}
		if (minNoticeMinutes < 0 || minNoticeMinutes > 20160) {
			throw new AppointmentException("appointment.error.notice");
		}
		if (!GRIDS.contains(gridMinutes)) {
			throw new AppointmentException("appointment.error.grid");
		}
		BookingSettings current = settings.findFirstBy().orElse(null);
		int currentGrid = current == null ? BookingSettings.DEFAULT_GRID_MINUTES : current.rules().gridMinutes();
		if (gridMinutes != currentGrid && appointments
			.findByStartsAtGreaterThanEqualAndStartsAtLessThanOrderByStartsAtAsc(Instant.now(), Instant.now().plusSeconds(400L * 86400))
			.stream()
			.anyMatch(a -> a.status() == AppointmentStatus.BOOKED)) {
			throw new AppointmentException("appointment.error.grid-in-use", 409);
		}
		if (current == null) {
			current = settings.saveAndFlush(new BookingSettings(horizonDays, minNoticeMinutes, gridMinutes));
		}
		else {
			current.update(horizonDays, minNoticeMinutes, gridMinutes);
		}
		changed("rules", organisation);
	}
}
