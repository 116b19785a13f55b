package org.orchestra.appointment.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.orchestra.appointment.AppointmentConfiguration;
import org.orchestra.appointment.AppointmentException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The commune administrators' configuration of appointments: rules, services, counters, hours, closures. */
@Controller
@PreAuthorize("hasAuthority('appointment.manage')")
class AppointmentAdminController {

	private final AppointmentConfiguration configuration;

	AppointmentAdminController(AppointmentConfiguration configuration) {
		this.configuration = configuration;
	}

	@GetMapping("/admin/appointments")
	String page(Model model) {
		model.addAttribute("config", configuration.current());
		model.addAttribute("weekdays", DayOfWeek.values());
		if (!model.containsAttribute("error")) {
			model.addAttribute("error", null);
		}
		return "appointment/admin";
	}

	private String done(RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", "appointment.admin.saved");
		return "redirect:/admin/appointments";
	}

	private String failed(AppointmentException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex.status());
		model.addAttribute("error", ex.messageKey());
		return page(model);
	}

	private static int number(String text, String key) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new AppointmentException(key);
		}
	}

	private static UUID id(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new AppointmentException("appointment.error.not-found", 404);
		}
	}

	private static Set<UUID> ids(@Nullable List<String> texts) {
		Set<UUID> ids = new LinkedHashSet<>();
		for (String text : texts == null ? List.<String>of() : texts) {
			ids.add(id(text));
		}
		return ids;
	}

	private static @Nullable LocalTime time(@Nullable String text, boolean required) {
		if (text == null || text.isBlank()) {
			if (required) {
				throw new AppointmentException("appointment.error.hours");
			}
			return null;
		}
		try {
			return LocalTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new AppointmentException("appointment.error.hours");
		}
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new AppointmentException("appointment.error.closure-dates");
		}
	}

	@PostMapping("/admin/appointments/rules")
	String rules(@RequestParam(name = "horizonDays", defaultValue = "") String horizon,
			@RequestParam(name = "minNoticeMinutes", defaultValue = "") String notice,
			@RequestParam(name = "gridMinutes", defaultValue = "") String grid, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			configuration.updateRules(number(horizon, "appointment.error.horizon"),
					number(notice, "appointment.error.notice"), number(grid, "appointment.error.grid"));
			return done(redirect);
		}
		catch (AppointmentException ex) {
			return failed(ex, model, response);
		}
	}

	@PostMapping("/admin/appointments/services")
	String addService(@RequestParam(name = "code", defaultValue = "") String code,
			@RequestParam(name = "nameFr", defaultValue = "") String fr,
			@RequestParam(name = "nameNl", defaultValue = "") String nl,
			@RequestParam(name = "nameEn", defaultValue = "") String en,
			@RequestParam(name = "duration", defaultValue = "") String duration, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			configuration.addService(code, fr, nl, en, number(duration, "appointment.error.duration"));
			return done(redirect);
		}
		catch (AppointmentException ex) {
			return failed(ex, model, response);
		}
	}

	@PostMapping("/admin/appointments/services/{id}")
	String updateService(@PathVariable("id") String id, @RequestParam(name = "nameFr", defaultValue = "") String fr,
			@RequestParam(name = "nameNl", defaultValue = "") String nl,
			@RequestParam(name = "nameEn", defaultValue = "") String en,
			@RequestParam(name = "duration", defaultValue = "") String duration,
			@RequestParam(name = "active", defaultValue = "false") String active, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			configuration.updateService(id(id), fr, nl, en, number(duration, "appointment.error.duration"),
					"true".equals(active));
			return done(redirect);
		}
		catch (AppointmentException ex) {
			return failed(ex, model, response);
		}
	}

	@PostMapping("/admin/appointments/counters")
	String addCounter(@RequestParam(name = "name", defaultValue = "") String name,
			@RequestParam(name = "capacity", defaultValue = "") String capacity,
			@RequestParam(name = "services", required = false) @Nullable List<String> services, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			configuration.addCounter(name, number(capacity, "appointment.error.capacity"), ids(services));
			return done(redirect);
		}
		catch (AppointmentException ex) {
			return failed(ex, model, response);
		}
	}

	@PostMapping("/admin/appointments/counters/{id}")
	String updateCounter(@PathVariable("id") String id, @RequestParam(name = "name", defaultValue = "") String name,
			@RequestParam(name = "capacity", defaultValue = "") String capacity,
			@RequestParam(name = "services", required = false) @Nullable List<String> services,
			@RequestParam(name = "active", defaultValue = "false") String active, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			configuration.updateCounter(id(id), name, number(capacity, "appointment.error.capacity"), ids(services),
					"true".equals(active));
			return done(redirect);
		}
		catch (AppointmentException ex) {
			return failed(ex, model, response);
		}
	}

	@PostMapping("/admin/appointments/hours")
	String addHours(@RequestParam(name = "day", defaultValue = "") String day,
			@RequestParam(name = "opens", defaultValue = "") String opens,
			@RequestParam(name = "closes", defaultValue = "") String closes,
			@RequestParam(name = "breakStarts", defaultValue = "") String breakStarts,
			@RequestParam(name = "breakEnds", defaultValue = "") String breakEnds, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			DayOfWeek weekday;
			try {
				weekday = DayOfWeek.valueOf(day);
			}
			catch (IllegalArgumentException ex) {
				throw new AppointmentException("appointment.error.day");
			}
			configuration.addHours(weekday, time(opens, true), time(closes, true), time(breakStarts, false),
					time(breakEnds, false));
			return done(redirect);
		}
		catch (AppointmentException ex) {
			return failed(ex, model, response);
		}
	}

	@PostMapping("/admin/appointments/hours/{id}/delete")
	String removeHours(@PathVariable("id") String id, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			configuration.removeHours(id(id));
			return done(redirect);
		}
		catch (AppointmentException ex) {
			return failed(ex, model, response);
		}
	}

	@PostMapping("/admin/appointments/closures")
	String addClosure(@RequestParam(name = "firstDay", defaultValue = "") String first,
			@RequestParam(name = "lastDay", defaultValue = "") String last,
			@RequestParam(name = "reason", defaultValue = "") String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			configuration.addClosure(date(first), date(last), reason);
			return done(redirect);
		}
		catch (AppointmentException ex) {
			return failed(ex, model, response);
		}
	}

	@PostMapping("/admin/appointments/closures/{id}/delete")
	String removeClosure(@PathVariable("id") String id, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			configuration.removeClosure(id(id));
			return done(redirect);
		}
		catch (AppointmentException ex) {
			return failed(ex, model, response);
		}
	}
}
