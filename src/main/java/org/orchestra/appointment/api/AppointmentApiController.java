package org.orchestra.appointment.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jspecify.annotations.Nullable;
import org.orchestra.appointment.AppointmentBooking;
import org.orchestra.appointment.AppointmentException;
import org.orchestra.appointment.AppointmentStatus;
import org.orchestra.appointment.AppointmentViews.AppointmentView;
import org.orchestra.appointment.AppointmentViews.Booked;
import org.orchestra.appointment.AppointmentViews.DayAvailability;
import org.orchestra.appointment.AppointmentViews.ServiceView;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The appointments API: the communes taking appointments, their services and free slots, booking, and the
 * management of a booking with the token it returned (view, reschedule, cancel). Times are ISO 8601 instants
 * (UTC); the counters' time zone is Europe/Brussels. Refusals are RFC 9457 problem details with a stable
 * {@code code}.
 */
@RestController
@RequestMapping("/api/appointments")
@Tag(name = "Appointments", description = "Online appointments at the communes' counters")
class AppointmentApiController {

	private final AppointmentBooking booking;
	private final OrganisationDirectory organisations;
	private final MessageSource messages;

	AppointmentApiController(AppointmentBooking booking, OrganisationDirectory organisations, MessageSource messages) {
		this.booking = booking;
		this.organisations = organisations;
		this.messages = messages;
	}

	record OrganisationOutput(String id, String name) {
	}

	record ServiceOutput(UUID id, String code, String name, String nameFr, String nameNl, int durationMinutes) {
	}

	record SlotOutput(Instant start, Instant end, int free) {
	}

	record DayOutput(LocalDate day, boolean closed, @Nullable String closedReason, List<SlotOutput> slots) {
	}

	record BookingInput(@Nullable String service, @Nullable String start, @Nullable String name,
			@Nullable String email, @Nullable String language) {
	}

	record RescheduleInput(@Nullable String start) {
	}

	record AppointmentOutput(UUID id, String reference, String organisation, UUID service, String serviceName,
			String counter, Instant start, Instant end, AppointmentStatus status, int sequence,
			@Nullable String token) {

		static AppointmentOutput of(AppointmentView a, Locale locale, @Nullable String token) {
			return new AppointmentOutput(a.id(), a.reference(), a.organisation().value(), a.serviceId(),
					a.serviceName().in(locale), a.counterName(), a.start(), a.end(), a.status(), a.sequence(), token);
		}
	}

	private static OrganisationId organisation(String id) {
		try {
			return new OrganisationId(id);
		}
		catch (IllegalArgumentException ex) {
			throw new AppointmentException("appointment.error.organisation", 404);
		}
	}

	private static UUID uuid(@Nullable String text, String key) {
		try {
			if (text == null) {
				throw new IllegalArgumentException();
			}
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new AppointmentException(key, 404);
		}
	}

	private static Instant instant(@Nullable String text) {
		try {
			if (text == null) {
				throw new AppointmentException("appointment.error.slot-required");
			}
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new AppointmentException("appointment.error.slot-invalid");
		}
	}

	@Operation(summary = "Organisations that take appointments")
	@GetMapping("/organisations")
	List<OrganisationOutput> organisations(Locale locale) {
		return booking.organisations()
			.stream()
			.map(o -> new OrganisationOutput(o.value(), organisations.nameOf(o, locale)))
			.toList();
	}

	@Operation(summary = "Services an organisation delivers by appointment")
	@GetMapping("/organisations/{organisation}/services")
	List<ServiceOutput> services(@PathVariable("organisation") String organisation, Locale locale) {
		return booking.services(organisation(organisation))
			.stream()
			.map(s -> new ServiceOutput(s.id(), s.code(), s.name().in(locale), s.name().fr(), s.name().nl(),
					s.durationMinutes()))
			.toList();
	}

	@Operation(summary = "Free slots of a service, day by day (at most 14 days from 'from', default today)")
	@GetMapping("/organisations/{organisation}/services/{service}/slots")
	List<DayOutput> slots(@PathVariable("organisation") String organisation, @PathVariable("service") String service,
			@RequestParam(name = "from", required = false) @Nullable String from,
			@RequestParam(name = "days", defaultValue = "7") String days, Locale locale) {
		LocalDate start;
		int span;
		try {
			start = from == null || from.isBlank() ? LocalDate.now(java.time.ZoneId.of("Europe/Brussels"))
					: LocalDate.parse(from);
			span = Integer.parseInt(days);
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw new AppointmentException("appointment.error.date");
		}
		if (span < 1 || span > 14) {
			throw new AppointmentException("appointment.error.days");
		}
		List<DayAvailability> availability = booking.availability(organisation(organisation),
				uuid(service, "appointment.error.service"), start, span);
		return availability.stream()
			.map(d -> new DayOutput(d.day(), d.closedReason() != null,
					d.closedReason() == null ? null
							: d.closedReason().startsWith("appointment.holiday.")
									? messages.getMessage(d.closedReason(), null, d.closedReason(), locale)
									: d.closedReason(),
					d.slots().stream().map(s -> new SlotOutput(s.start(), s.end(), s.free())).toList()))
			.toList();
	}

	@Operation(summary = "Book a slot", description = "Only a name and an e-mail address are asked. Answers 409 when "
			+ "the slot has no seat left. The returned token manages the booking and is also e-mailed.")
	@PostMapping(path = "/organisations/{organisation}/bookings", consumes = "application/json")
	ResponseEntity<AppointmentOutput> book(@PathVariable("organisation") String organisation,
			@RequestBody BookingInput input, Locale locale) {
		Locale language = input.language() == null ? locale : Locale.of(input.language().strip().toLowerCase(Locale.ROOT));
		Booked booked = booking.book(organisation(organisation), uuid(input.service(), "appointment.error.service"),
				instant(input.start()), input.name() == null ? "" : input.name(),
				input.email() == null ? "" : input.email(), language, null);
		return ResponseEntity.created(URI.create("/api/appointments/bookings/" + booked.manageToken()))
			.body(AppointmentOutput.of(booked.appointment(), locale, booked.manageToken()));
	}

	@Operation(summary = "A booking, by its token")
	@GetMapping("/bookings/{token}")
	AppointmentOutput booking(@PathVariable("token") String token, Locale locale) {
		return AppointmentOutput.of(booking.view(token), locale, null);
	}

	@Operation(summary = "Move a booking to another slot", description = "The token is used up; the answer carries "
			+ "the new one.")
	@PostMapping(path = "/bookings/{token}/reschedule", consumes = "application/json")
	AppointmentOutput reschedule(@PathVariable("token") String token, @RequestBody RescheduleInput input,
			Locale locale) {
		Booked moved = booking.reschedule(token, instant(input.start()));
		return AppointmentOutput.of(moved.appointment(), locale, moved.manageToken());
	}

	@Operation(summary = "Cancel a booking")
	@PostMapping("/bookings/{token}/cancel")
	AppointmentOutput cancel(@PathVariable("token") String token, Locale locale) {
		return AppointmentOutput.of(booking.cancel(token), locale, null);
	}

	@ExceptionHandler(AppointmentException.class)
	ResponseEntity<ProblemDetail> refused(AppointmentException ex, Locale locale) {
		HttpStatus status = HttpStatus.valueOf(ex.status());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(ex.messageKey(), null, ex.messageKey(), locale));
		problem.setTitle(status.getReasonPhrase());
		problem.setProperty("code", ex.messageKey());
		return ResponseEntity.status(status).body(problem);
	}
}
