package org.orchestra.appointment.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.orchestra.appointment.AppointmentDesk;
import org.orchestra.appointment.AppointmentException;
import org.orchestra.appointment.AppointmentStatus;
import org.orchestra.appointment.AppointmentViews.AppointmentView;
import org.orchestra.appointment.AppointmentViews.CounterView;
import org.orchestra.appointment.AppointmentViews.ServiceStatistics;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agents' day view per counter (arrived, done, no-show) and the statistics per service. */
@Controller
@PreAuthorize("hasAuthority('appointment.desk')")
class AppointmentDeskController {

	private final AppointmentDesk desk;

	AppointmentDeskController(AppointmentDesk desk) {
		this.desk = desk;
	}

	private static LocalDate day(@Nullable String text, LocalDate fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new AppointmentException("appointment.error.date");
		}
	}

	private static @Nullable UUID counter(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new AppointmentException("appointment.error.counter", 404);
		}
	}

	record Row(AppointmentView appointment, String time, String service) {
	}

	@GetMapping("/desk/appointments")
	String day(@RequestParam(name = "day", required = false) @Nullable String day,
			@RequestParam(name = "counter", required = false) @Nullable String counter, Model model, Locale locale,
			HttpServletResponse response) {
		LocalDate date;
		UUID counterId;
		try {
			date = day(day, LocalDate.now(SlotRows.ZONE));
			counterId = counter(counter);
		}
		catch (AppointmentException ex) {
			response.setStatus(ex.status());
			model.addAttribute("reason", ex.messageKey());
			return "appointment/refused";
		}
		List<CounterView> counters = desk.counters();
		model.addAttribute("counters", counters);
		model.addAttribute("counter", counterId);
		model.addAttribute("day", date);
		model.addAttribute("previous", date.minusDays(1));
		model.addAttribute("next", date.plusDays(1));
		model.addAttribute("rows", desk.day(date, counterId)
			.stream()
			.map(a -> new Row(a, SlotRows.TIME.format(a.start().atZone(SlotRows.ZONE)) + "–"
					+ SlotRows.TIME.format(a.end().atZone(SlotRows.ZONE)), a.serviceName().in(locale)))
			.toList());
		return "appointment/desk";
	}

	@PostMapping("/desk/appointments/{id}/status")
	String mark(@PathVariable("id") String id, @RequestParam(name = "status", defaultValue = "") String status,
			@RequestParam(name = "day", required = false) @Nullable String day,
			@RequestParam(name = "counter", required = false) @Nullable String counter, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			UUID appointment;
			AppointmentStatus next;
			try {
				appointment = UUID.fromString(id);
				next = AppointmentStatus.valueOf(status);
			}
			catch (IllegalArgumentException ex) {
				throw new AppointmentException("appointment.error.not-found", 404);
			}
			desk.mark(appointment, next);
			redirect.addFlashAttribute("notice", "appointment.desk.marked");
		}
		catch (AppointmentException ex) {
			response.setStatus(ex.status());
			model.addAttribute("reason", ex.messageKey());
			return "appointment/refused";
		}
		LocalDate date = day(day, LocalDate.now(SlotRows.ZONE));
		UUID counterId = null;
		try {
			counterId = counter(counter);
		}
		catch (AppointmentException ex) {
			counterId = null;
		}
		return "redirect:/desk/appointments?day=" + date + (counterId == null ? "" : "&counter=" + counterId);
	}

	@GetMapping("/desk/appointments/stats")
	String statistics(@RequestParam(name = "from", required = false) @Nullable String from,
			@RequestParam(name = "to", required = false) @Nullable String to, Model model, Locale locale,
			HttpServletResponse response) {
		LocalDate today = LocalDate.now(SlotRows.ZONE);
		LocalDate start;
		LocalDate end;
		try {
			start = day(from, today.minusDays(30));
			end = day(to, today);
			if (end.isBefore(start) || start.plusYears(2).isBefore(end)) {
				throw new AppointmentException("appointment.error.period");
			}
		}
		catch (AppointmentException ex) {
			response.setStatus(ex.status());
			model.addAttribute("reason", ex.messageKey());
			return "appointment/refused";
		}
		List<ServiceStatistics> statistics = desk.statistics(start, end);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("statistics", statistics);
		long max = statistics.stream().mapToLong(ServiceStatistics::booked).max().orElse(0);
		model.addAttribute("max", Math.max(1, max));
		return "appointment/stats";
	}

	@GetMapping("/desk/appointments/stats.csv")
	ResponseEntity<byte[]> statisticsCsv(@RequestParam(name = "from", required = false) @Nullable String from,
			@RequestParam(name = "to", required = false) @Nullable String to, Locale locale) {
		LocalDate today = LocalDate.now(SlotRows.ZONE);
		LocalDate start;
		LocalDate end;
		try {
			start = day(from, today.minusDays(30));
			end = day(to, today);
		}
		catch (AppointmentException ex) {
			return ResponseEntity.badRequest().build();
		}
		if (end.isBefore(start) || start.plusYears(2).isBefore(end)) {
			return ResponseEntity.badRequest().build();
		}
		StringBuilder csv = new StringBuilder("service,booked,done,no_show,cancelled,no_show_rate\r\n");
		for (ServiceStatistics s : desk.statistics(start, end)) {
			csv.append('"')
				.append(s.serviceName().in(locale).replace("\"", "\"\""))
				.append("\",")
				.append(s.booked())
				.append(',')
				.append(s.done())
				.append(',')
				.append(s.noShow())
				.append(',')
				.append(s.cancelled())
				.append(',')
				.append(String.format(Locale.ROOT, "%.3f", s.noShowRate()))
				.append("\r\n");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"appointments-" + start + "-" + end + ".csv\"")
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}
}
