package org.orchestra.appointment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.orchestra.appointment.AppointmentViews.AppointmentView;
import org.orchestra.appointment.AppointmentViews.Booked;
import org.orchestra.appointment.AppointmentViews.DayAvailability;
import org.orchestra.appointment.AppointmentViews.FreeSlot;
import org.orchestra.appointment.AppointmentViews.HoursView;
import org.orchestra.appointment.AppointmentViews.ServiceView;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The citizens' side of appointments: the communes that take appointments, their services and free slots, and
 * booking, rescheduling and cancelling. Seats are taken in the database ({@link CellLedger}), so a slot of
 * capacity N holds exactly N appointments whatever the number of simultaneous attempts; the others get a
 * conflict. Changes without signing in go through signed links that work once.
 */
@Service
public class AppointmentBooking {

	static final int MAX_DAYS = 14;

	private final Services services;
	private final Appointments appointments;
	private final Planning planning;
	private final CellLedger ledger;
	private final SignedLinks links;
	private final AppointmentMail mail;
	private final ApplicationEventPublisher events;
	private final OrganisationDirectory organisations;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate writes;
	private final TransactionTemplate reads;

	AppointmentBooking(Services services, Appointments appointments, Planning planning, CellLedger ledger,
			SignedLinks links, AppointmentMail mail, ApplicationEventPublisher events, OrganisationDirectory organisations,
			JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.services = services;
		this.appointments = appointments;
		this.planning = planning;
		this.ledger = ledger;
		this.links = links;
		this.mail = mail;
		this.events = events;
		this.organisations = organisations;
		this.jdbc = jdbc;
		this.writes = new TransactionTemplate(transactions);
		this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.reads = new TransactionTemplate(transactions);
		this.reads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.reads.setReadOnly(true);
	}

	private <T> T read(OrganisationId organisation, Supplier<T> work) {
		return TenantContext.callAs(organisation, () -> reads.execute(status -> work.get()));
	}

	private <T> T write(OrganisationId organisation, Supplier<T> work) {
		return TenantContext.callAs(organisation, () -> writes.execute(status -> work.get()));
	}

	/** The organisations that offer at least one service by appointment. */
	public List<OrganisationId> organisations() {
		List<String> ids = TenantContext.callAsSystem(() -> reads.execute(status -> services.findAll()
			.stream()
			.filter(BookableService::active)
			.map(BookableService::organisationId)
			.distinct()
			.sorted()
			.toList()));
		return Objects.requireNonNull(ids).stream().map(OrganisationId::new).toList();
	}

	private void requireOrganisation(OrganisationId organisation) {
		if (!organisations.exists(organisation)) {
			throw new AppointmentException("appointment.error.organisation", 404);
		}
	}

	/** The organisation's active services. */
	public List<ServiceView> services(OrganisationId organisation) {
		requireOrganisation(organisation);
		return read(organisation, () -> services.findAllByOrderByCodeAsc()
			.stream()
			.filter(BookableService::active)
			.map(AppointmentConfiguration::view)
			.toList());
	}

	public ServiceView service(OrganisationId organisation, UUID service) {
		return services(organisation).stream()
			.filter(s -> s.id().equals(service))
			.findFirst()
			.orElseThrow(() -> new AppointmentException("appointment.error.service", 404));
	}

	/** The organisation's weekly opening periods. */
	public List<HoursView> hours(OrganisationId organisation) {
		requireOrganisation(organisation);
		return read(organisation, () -> planning.plan()
			.periods()
			.stream()
			.sorted(Comparator.comparing(SlotPlanner.Period::day).thenComparing(SlotPlanner.Period::opens))
			.map(p -> new HoursView(new UUID(0, 0), p.day(), p.opens(), p.closes(), p.breakStarts(), p.breakEnds()))
			.toList());
	}

	/** Free slots of a service, day by day, from a day (at most two weeks at once). */
	public List<DayAvailability> availability(OrganisationId organisation, UUID serviceId, LocalDate from, int days) {
		ServiceView service = service(organisation, serviceId);
		int span = Math.max(1, Math.min(days, MAX_DAYS));
		Instant now = Instant.now();
		return read(organisation, () -> {
			SlotPlanner.Plan plan = planning.plan();
			Instant rangeStart = from.atStartOfDay(plan.zone()).toInstant();
			Instant rangeEnd = from.plusDays(span + 1L).atStartOfDay(plan.zone()).toInstant();
			Map<SlotPlanner.Cell, Integer> booked = ledger.booked(organisation.value(), rangeStart, rangeEnd);
			List<DayAvailability> result = new ArrayList<>();
			for (int i = 0; i < span; i++) {
				LocalDate day = from.plusDays(i);
				String closed = SlotPlanner.closedBecause(plan, day).orElse(null);
				List<FreeSlot> slots = closed != null ? List.of()
						: SlotPlanner.freeSlots(plan, serviceId, service.durationMinutes(), day, now, booked)
							.stream()
							.map(s -> new FreeSlot(s.start(), s.end(), s.free()))
							.toList();
				result.add(new DayAvailability(day, closed, slots));
			}
			return result;
		});
	}

	/** The first day that has a free slot for the service, within the horizon, if any. */
	public @Nullable LocalDate firstFreeDay(OrganisationId organisation, UUID serviceId) {
		LocalDate day = LocalDate.now(planning.zone());
		int horizon = read(organisation, () -> planning.rules().horizonDays());
		for (int offset = 0; offset <= horizon; offset += MAX_DAYS) {
			for (DayAvailability available : availability(organisation, serviceId, day.plusDays(offset), MAX_DAYS)) {
				if (!available.slots().isEmpty()) {
					return available.day();
				}
			}
		}
		return null;
	}

	public static String cleanName(String name) {
		String clean = name == null ? "" : name.strip().replaceAll("\\p{Cntrl}", "");
		if (clean.isEmpty()) {
			throw new AppointmentException("appointment.error.name-required");
		}
		if (clean.length() > 100) {
			throw new AppointmentException("appointment.error.name-too-long");
		}
		return clean;
	}

	public static String cleanEmail(String email) {
		String clean = email == null ? "" : email.strip();
		if (clean.length() > 254 || !clean.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new AppointmentException("appointment.error.email");
		}
		return clean;
	}

	/**
	 * Books a slot. Refuses (400) a start that is not a slot of the service or is outside the booking window, and
	 * (409) a slot that has no seat left at any counter. Sends the confirmation with its invitation.
	 */
	public Booked book(OrganisationId organisation, UUID serviceId, Instant start, String name, String email,
			Locale locale, @Nullable String account) {
		String cleanName = cleanName(name);
		String cleanEmail = cleanEmail(email);
		requireOrganisation(organisation);
		String language = List.of("fr", "nl", "en").contains(locale.getLanguage()) ? locale.getLanguage() : "fr";
		Instant now = Instant.now();
		prepare(organisation, serviceId, start);
		return write(organisation, () -> {
			BookableService service = services.findById(serviceId)
				.filter(BookableService::active)
				.orElseThrow(() -> new AppointmentException("appointment.error.service", 404));
			SlotPlanner.Plan plan = planning.plan();
			if (!SlotPlanner.bookable(plan, service.durationMinutes(), start, now)) {
				throw new AppointmentException("appointment.error.slot-invalid");
			}
			UUID counter = reserve(plan, organisation, service, start);
			Appointment appointment = appointments.insert(new Appointment(serviceId, counter, start,
					start.plus(Duration.ofMinutes(service.durationMinutes())), cleanName, cleanEmail, language,
					account));
			appointments.flush();
			events.publishEvent(new AppointmentChanged(appointment.id(), organisation.value(), "booked",
					account != null ? account : "citizen", appointment.status()));
			AppointmentView view = planning.view(appointment);
			String token = token(organisation, appointment);
			mail.send("confirmed", view, token);
			return new Booked(view, token);
		});
	}

	/** Creates, in a transaction of its own, the cells a booking of the service at this start would take. */
	private void prepare(OrganisationId organisation, UUID serviceId, Instant start) {
		write(organisation, () -> {
			BookableService service = services.findById(serviceId).orElse(null);
			if (service == null) {
				return null;
			}
			SlotPlanner.Plan plan = planning.plan();
			if (!SlotPlanner.bookable(plan, service.durationMinutes(), start, Instant.now())) {
				return null;
			}
			List<Instant> cells = SlotPlanner.cells(start, service.durationMinutes(), plan.rules().gridMinutes());
			plan.counters()
				.stream()
				.filter(c -> c.services().contains(serviceId))
				.forEach(c -> ledger.ensure(organisation.value(), c.id(), c.capacity(), cells));
			return null;
		});
	}

	/** Takes a seat at one of the counters that handle the service, the least busy first; 409 when all are full. */
	private UUID reserve(SlotPlanner.Plan plan, OrganisationId organisation, BookableService service, Instant start) {
		List<Instant> cells = SlotPlanner.cells(start, service.durationMinutes(), plan.rules().gridMinutes());
		Map<SlotPlanner.Cell, Integer> booked = ledger.booked(organisation.value(), cells.get(0),
				cells.get(cells.size() - 1).plusSeconds(1));
		List<SlotPlanner.CounterPlan> candidates = plan.counters()
			.stream()
			.filter(c -> c.services().contains(service.id()))
			.sorted(Comparator.comparingInt(c -> -seatsLeft(c, cells, booked)))
			.toList();
		for (SlotPlanner.CounterPlan counter : candidates) {
			if (ledger.reserve(counter.id(), cells)) {
				return counter.id();
			}
		}
		throw new AppointmentException("appointment.error.slot-taken", 409);
	}

	private static int seatsLeft(SlotPlanner.CounterPlan counter, List<Instant> cells,
			Map<SlotPlanner.Cell, Integer> booked) {
		int left = counter.capacity();
		for (Instant cell : cells) {
			left = Math.min(left, counter.capacity() - booked.getOrDefault(new SlotPlanner.Cell(counter.id(), cell), 0));
		}
		return left;
	}

	String token(OrganisationId organisation, Appointment appointment) {
		return links.sign(new SignedLinks.Claims(organisation, appointment.id(), SignedLinks.MANAGE,
				appointment.startsAt(), appointment.linkVersion()));
	}

	/** A signed-in citizen's appointment, with the link that manages it while it can still change. */
	public record Mine(AppointmentView appointment, @Nullable String manageToken) {
	}

	/** The appointments a signed-in citizen booked, in every commune, the latest first. */
	public List<Mine> mine(String account) {
		Instant now = Instant.now();
		List<Mine> mine = TenantContext.callAsSystem(() -> reads.execute(status -> appointments
			.findTop50ByAccountOrderByStartsAtDesc(account)
			.stream()
			.map(a -> new Mine(planning.view(a),
					a.status() == AppointmentStatus.BOOKED && a.startsAt().isAfter(now)
							? token(new OrganisationId(a.organisationId()), a) : null))
			.toList()));
		return mine == null ? List.of() : mine;
	}

	/** The appointment a link points to; refuses altered (400), expired (410) and already used (410) links. */
	public AppointmentView view(String token) {
		SignedLinks.Claims claims = links.verify(token, SignedLinks.MANAGE, Instant.now());
		return read(claims.organisation(), () -> {
			Appointment appointment = appointments.findById(claims.appointment())
				.orElseThrow(() -> new AppointmentException("appointment.link.invalid", 400));
			if (appointment.linkVersion() != claims.generation()) {
				throw new AppointmentException("appointment.link.used", 410);
			}
			return planning.view(appointment);
		});
	}

	/** Marks the link used, atomically: a second use of the same link, even at the same moment, is refused. */
	private Appointment claim(SignedLinks.Claims claims) {
		int claimed = jdbc.update("update appointment_booking set link_version = link_version + 1 where id = ? "
				+ "and organisation_id = ? and link_version = ? and status = 'BOOKED'", claims.appointment(),
				claims.organisation().value(), claims.generation());
		Appointment appointment = appointments.findById(claims.appointment())
			.orElseThrow(() -> new AppointmentException("appointment.link.invalid", 400));
		if (claimed != 1) {
			if (appointment.linkVersion() != claims.generation()) {
				throw new AppointmentException("appointment.link.used", 410);
			}
			throw new AppointmentException("appointment.error.not-changeable", 409);
		}
		return appointment;
	}

	/** Moves the appointment to another slot through its link; the old link stops working, a new one is mailed. */
	public Booked reschedule(String token, Instant start) {
		SignedLinks.Claims claims = links.verify(token, SignedLinks.MANAGE, Instant.now());
		Instant now = Instant.now();
		UUID serviceId = read(claims.organisation(), () -> appointments.findById(claims.appointment())
			.map(Appointment::serviceId)
			.orElseThrow(() -> new AppointmentException("appointment.link.invalid", 400)));
		prepare(claims.organisation(), serviceId, start);
		return write(claims.organisation(), () -> {
			Appointment appointment = claim(claims);
			BookableService service = services.findById(appointment.serviceId()).orElseThrow();
			SlotPlanner.Plan plan = planning.plan();
			if (start.equals(appointment.startsAt())) {
				throw new AppointmentException("appointment.error.same-slot");
			}
			if (!service.active() || !SlotPlanner.bookable(plan, service.durationMinutes(), start, now)) {
				throw new AppointmentException("appointment.error.slot-invalid");
			}
			ledger.release(appointment.counterId(),
					SlotPlanner.cells(appointment.startsAt(), service.durationMinutes(), plan.rules().gridMinutes()));
			UUID counter = reserve(plan, claims.organisation(), service, start);
			appointment.moveTo(counter, start, start.plus(Duration.ofMinutes(service.durationMinutes())));
			appointments.flush();
			events.publishEvent(new AppointmentChanged(appointment.id(), claims.organisation().value(), "rescheduled",
					"citizen", appointment.status()));
			AppointmentView view = planning.view(appointment);
			String next = token(claims.organisation(), appointment);
			mail.send("rescheduled", view, next);
			return new Booked(view, next);
		});
	}

	/** Cancels the appointment through its link and frees its seat; the cancellation is mailed. */
	public AppointmentView cancel(String token) {
		SignedLinks.Claims claims = links.verify(token, SignedLinks.MANAGE, Instant.now());
		return write(claims.organisation(), () -> {
			Appointment appointment = claim(claims);
			BookableService service = services.findById(appointment.serviceId()).orElseThrow();
			ledger.release(appointment.counterId(), SlotPlanner.cells(appointment.startsAt(), service.durationMinutes(),
					planning.rules().gridMinutes()));
			appointment.cancel();
			appointments.flush();
			events.publishEvent(new AppointmentChanged(appointment.id(), claims.organisation().value(), "cancelled",
					"citizen", appointment.status()));
			AppointmentView view = planning.view(appointment);
			mail.send("cancelled", view, token(claims.organisation(), appointment));
			return view;
		});
	}
}
