package org.orchestra.appointment.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.orchestra.appointment.AppointmentBooking;
import org.orchestra.appointment.AppointmentException;
import org.orchestra.appointment.AppointmentViews.AppointmentView;
import org.orchestra.appointment.AppointmentViews.Booked;
import org.orchestra.appointment.AppointmentViews.ServiceView;
import org.orchestra.identity.AccountKind;
import org.orchestra.identity.CurrentUser;
import org.orchestra.identity.OrchestraPrincipal;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizens' booking pages, without JavaScript: choose a commune, a service, a day and a slot, leave a name and
 * an e-mail address; then view, reschedule or cancel from the link in the e-mail.
 */
@Controller
class AppointmentPublicController {

	private final AppointmentBooking booking;
	private final OrganisationDirectory organisations;
	private final CurrentUser currentUser;
	private final SlotRows rows;

	AppointmentPublicController(AppointmentBooking booking, OrganisationDirectory organisations,
			CurrentUser currentUser, SlotRows rows) {
		this.booking = booking;
		this.organisations = organisations;
		this.currentUser = currentUser;
		this.rows = rows;
	}

	record CommuneRow(String id, String name) {
	}

	@GetMapping("/appointments")
	String communes(Model model, Locale locale) {
		model.addAttribute("communes", booking.organisations()
			.stream()
			.map(o -> new CommuneRow(o.value(), organisations.nameOf(o, locale)))
			.sorted(java.util.Comparator.comparing(CommuneRow::name))
			.toList());
		return "appointment/communes";
	}

	record MineRow(AppointmentView appointment, String when, String service, String organisation,
			@Nullable String token) {
	}

	@GetMapping("/appointments/mine")
	@PreAuthorize("isAuthenticated()")
	String mine(Model model, Locale locale) {
		String account = currentUser.principal().map(OrchestraPrincipal::getUsername).orElseThrow();
		model.addAttribute("appointments", booking.mine(account)
			.stream()
			.map(m -> new MineRow(m.appointment(), rows.when(m.appointment().start(), locale),
					m.appointment().serviceName().in(locale),
					organisations.nameOf(m.appointment().organisation(), locale), m.manageToken()))
			.toList());
		return "appointment/mine";
	}

	@GetMapping("/appointments/{organisation}")
	String services(@PathVariable("organisation") String organisation, Model model, Locale locale,
			HttpServletResponse response) {
		OrganisationId id = new OrganisationId(organisation);
		try {
			model.addAttribute("services", booking.services(id));
			model.addAttribute("hours", booking.hours(id));
		}
		catch (AppointmentException ex) {
			return problem(ex, model, response);
		}
		model.addAttribute("organisation", id.value());
		model.addAttribute("organisationName", organisations.nameOf(id, locale));
		return "appointment/services";
	}

	private static @Nullable LocalDate day(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new AppointmentException("appointment.error.service", 404);
		}
	}

	@GetMapping("/appointments/{organisation}/{service}")
	String slots(@PathVariable("organisation") String organisation, @PathVariable("service") String service,
			@RequestParam(name = "from", required = false) @Nullable String from, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			OrganisationId id = new OrganisationId(organisation);
			UUID serviceId = uuid(service);
			booking.service(id, serviceId);
			LocalDate start = day(from);
			if (start == null) {
				start = booking.firstFreeDay(id, serviceId);
			}
			return slotPage(id, serviceId, start, null, Map.of(), "", "", model, locale);
		}
		catch (AppointmentException ex) {
			return problem(ex, model, response);
		}
	}

	@PostMapping("/appointments/{organisation}/{service}")
	String book(@PathVariable("organisation") String organisation, @PathVariable("service") String service,
			@RequestParam(name = "from", required = false) @Nullable String from,
			@RequestParam(name = "slot", defaultValue = "") String slot,
			@RequestParam(name = "name", defaultValue = "") String name,
			@RequestParam(name = "email", defaultValue = "") String email, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		OrganisationId id = new OrganisationId(organisation);
		UUID serviceId;
		try {
			serviceId = uuid(service);
			booking.service(id, serviceId);
		}
		catch (AppointmentException ex) {
			return problem(ex, model, response);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Instant start = instant(slot);
		if (start == null) {
			errors.put("slot", "appointment.error.slot-required");
		}
		try {
			AppointmentBooking.cleanName(name);
		}
		catch (AppointmentException ex) {
			errors.put("name", ex.messageKey());
		}
		try {
			AppointmentBooking.cleanEmail(email);
		}
		catch (AppointmentException ex) {
			errors.put("email", ex.messageKey());
		}
		String conflict = null;
		if (errors.isEmpty() && start != null) {
			try {
				String account = currentUser.principal()
					.filter(p -> p.kind() == AccountKind.CITIZEN)
					.map(OrchestraPrincipal::getUsername)
					.orElse(null);
				Booked booked = booking.book(id, serviceId, start, name, email, locale, account);
				redirect.addFlashAttribute("notice", "appointment.manage.booked");
				return "redirect:/appointments/manage/" + booked.manageToken();
			}
			catch (AppointmentException ex) {
				if (ex.status() == 409) {
					conflict = ex.messageKey();
				}
				else {
					errors.put("slot", ex.messageKey());
				}
				response.setStatus(ex.status());
			}
		}
		else {
			response.setStatus(400);
		}
		LocalDate day = start != null ? LocalDate.ofInstant(start, SlotRows.ZONE) : day(from);
		return slotPage(id, serviceId, day, conflict, errors, name, email, model, locale);
	}

	private static @Nullable Instant instant(String text) {
		try {
			return text.isBlank() ? null : Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private String slotPage(OrganisationId organisation, UUID serviceId, @Nullable LocalDate from,
			@Nullable String conflict, Map<String, String> errors, String name, String email, Model model,
			Locale locale) {
		ServiceView service = booking.service(organisation, serviceId);
		LocalDate today = LocalDate.now(SlotRows.ZONE);
		LocalDate start = from == null || from.isBefore(today) ? today : from;
		model.addAttribute("organisation", organisation.value());
		model.addAttribute("organisationName", organisations.nameOf(organisation, locale));
		model.addAttribute("service", service);
		model.addAttribute("serviceName", service.name().in(locale));
		model.addAttribute("days", rows.rows(booking.availability(organisation, serviceId, start, 7), locale));
		model.addAttribute("previous", start.isAfter(today) ? start.minusDays(7).isBefore(today) ? today : start.minusDays(7) : null);
		model.addAttribute("next", start.plusDays(7));
		model.addAttribute("from", start);
		model.addAttribute("conflict", conflict);
		model.addAttribute("errors", errors);
		model.addAttribute("name", name);
		model.addAttribute("email", email);
		model.addAttribute("reschedule", false);
		model.addAttribute("action", "/appointments/" + organisation.value() + "/" + serviceId);
		return "appointment/slots";
	}

	// --- the e-mailed link -----------------------------------------------------------------------------

	@GetMapping("/appointments/manage/{token}")
	String manage(@PathVariable("token") String token, Model model, Locale locale, HttpServletResponse response) {
		try {
			AppointmentView appointment = booking.view(token);
			manageModel(appointment, token, model, locale);
			return "appointment/manage";
		}
		catch (AppointmentException ex) {
			return refused(ex, model, response);
		}
	}

	private void manageModel(AppointmentView appointment, String token, Model model, Locale locale) {
		model.addAttribute("appointment", appointment);
		model.addAttribute("token", token);
		model.addAttribute("serviceName", appointment.serviceName().in(locale));
		model.addAttribute("organisationName", organisations.nameOf(appointment.organisation(), locale));
		model.addAttribute("when", rows.when(appointment.start(), locale));
	}

	@GetMapping("/appointments/manage/{token}/reschedule")
	String rescheduleForm(@PathVariable("token") String token,
			@RequestParam(name = "from", required = false) @Nullable String from, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			AppointmentView appointment = booking.view(token);
			LocalDate start = day(from);
			if (start == null) {
				start = booking.firstFreeDay(appointment.organisation(), appointment.serviceId());
			}
			return reschedulePage(appointment, token, start, null, Map.of(), model, locale);
		}
		catch (AppointmentException ex) {
			return refused(ex, model, response);
		}
	}

	private String reschedulePage(AppointmentView appointment, String token, @Nullable LocalDate from,
			@Nullable String conflict, Map<String, String> errors, Model model, Locale locale) {
		slotPage(appointment.organisation(), appointment.serviceId(), from, conflict, errors, appointment.name(),
				appointment.email(), model, locale);
		model.addAttribute("reschedule", true);
		model.addAttribute("current", rows.when(appointment.start(), locale));
		model.addAttribute("action", "/appointments/manage/" + token + "/reschedule");
		return "appointment/slots";
	}

	@PostMapping("/appointments/manage/{token}/reschedule")
	String reschedule(@PathVariable("token") String token, @RequestParam(name = "slot", defaultValue = "") String slot,
			@RequestParam(name = "from", required = false) @Nullable String from, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		AppointmentView appointment;
		try {
			appointment = booking.view(token);
		}
		catch (AppointmentException ex) {
			return refused(ex, model, response);
		}
		Instant start = instant(slot);
		if (start == null) {
			response.setStatus(400);
			return reschedulePage(appointment, token, day(from), null, Map.of("slot", "appointment.error.slot-required"),
					model, locale);
		}
		try {
			Booked moved = booking.reschedule(token, start);
			redirect.addFlashAttribute("notice", "appointment.manage.rescheduled");
			return "redirect:/appointments/manage/" + moved.manageToken();
		}
		catch (AppointmentException ex) {
			if (ex.messageKey().startsWith("appointment.link.")) {
				return refused(ex, model, response);
			}
			response.setStatus(ex.status());
			return reschedulePage(appointment, token, LocalDate.ofInstant(start, SlotRows.ZONE),
					ex.status() == 409 ? ex.messageKey() : null,
					ex.status() == 409 ? Map.of() : Map.of("slot", ex.messageKey()), model, locale);
		}
	}

	@PostMapping("/appointments/manage/{token}/cancel")
	String cancel(@PathVariable("token") String token, Model model, Locale locale, HttpServletResponse response) {
		try {
			AppointmentView cancelled = booking.cancel(token);
			manageModel(cancelled, token, model, locale);
			model.addAttribute("notice", "appointment.manage.cancelled");
			return "appointment/cancelled";
		}
		catch (AppointmentException ex) {
			return refused(ex, model, response);
		}
	}

	private String refused(AppointmentException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex.status());
		model.addAttribute("reason", ex.messageKey());
		return "appointment/refused";
	}

	private String problem(AppointmentException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex.status());
		model.addAttribute("reason", ex.messageKey());
		return "appointment/refused";
	}
}
