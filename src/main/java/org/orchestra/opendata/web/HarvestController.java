package org.orchestra.opendata.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.orchestra.identity.CurrentUser;
import org.orchestra.opendata.HarvestSource;
import org.orchestra.opendata.Harvesting;
import org.orchestra.opendata.Harvesting.SourceSettings;
import org.orchestra.opendata.InvalidHarvestSource;
import org.orchestra.opendata.JobStatus;
import org.orchestra.opendata.OpendataException;
import org.orchestra.opendata.Schedule;
import org.orchestra.opendata.SourceKind;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The harvest pages of the organisation one acts for: its sources with their last run and next run, the form to
 * create, change or delete one, "run now", the runs of a source, and a run's progress (the page refreshes itself
 * while the run goes on) and report.
 */
@Controller
@PreAuthorize("hasAuthority('opendata.harvest.manage')")
class HarvestController {

	static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

	/** Seconds between refreshes of a run's page while it goes on. */
	static final int REFRESH_SECONDS = 3;

	private final Harvesting harvesting;
	private final CurrentUser currentUser;

	HarvestController(Harvesting harvesting, CurrentUser currentUser) {
		this.harvesting = harvesting;
		this.currentUser = currentUser;
	}

	/** The form as typed: everything as text, so that anything typed can be shown again with its error. */
	record SourceForm(@Nullable String name, @Nullable String kind, @Nullable String url, @Nullable String schedule,
			@Nullable String enabled, @Nullable String ownPublisher, @Nullable String pageSize,
			@Nullable String maxPages, @Nullable String maxMegabytes, @Nullable String timeoutSeconds) {

		static SourceForm empty() {
			return new SourceForm("", SourceKind.CKAN.name(), "", Schedule.DAILY.name(), "true", null,
					String.valueOf(Harvesting.DEFAULT_PAGE_SIZE), String.valueOf(Harvesting.DEFAULT_MAX_PAGES),
					String.valueOf(Harvesting.DEFAULT_MAX_MEGABYTES), String.valueOf(Harvesting.DEFAULT_TIMEOUT_SECONDS));
		}

		static SourceForm of(HarvestSource source) {
			SourceSettings s = SourceSettings.of(source);
			return new SourceForm(s.name(), s.kind(), s.url(), s.schedule(), String.valueOf(s.enabled()),
					String.valueOf(s.ownPublisher()), String.valueOf(s.pageSize()), String.valueOf(s.maxPages()),
					String.valueOf(s.maxMegabytes()), String.valueOf(s.timeoutSeconds()));
		}

		public boolean isEnabled() {
			return "true".equals(enabled) || "on".equals(enabled);
		}

		public boolean isOwnPublisher() {
			return "true".equals(ownPublisher) || "on".equals(ownPublisher);
		}

		SourceSettings settings() {
			return new SourceSettings(name, kind, url, schedule, isEnabled(), number(pageSize), number(maxPages),
					number(maxMegabytes), number(timeoutSeconds), isOwnPublisher());
		}

		/** A number typed, empty for the default; anything else is out of every range. */
		private static @Nullable Integer number(@Nullable String value) {
			if (value == null || value.isBlank()) {
				return null;
			}
			try {
				return Integer.valueOf(value.strip());
			}
			catch (NumberFormatException e) {
				return Integer.MIN_VALUE;
			}
		}
	}

	@GetMapping("/opendata/harvest")
	String sources(Model model) {
		model.addAttribute("sources", harvesting.sources());
		model.addAttribute("zone", ZONE);
		return "opendata/harvest/sources";
	}

	@GetMapping("/opendata/harvest/new")
	String newSource(Model model) {
		return form(model, null, SourceForm.empty(), Map.of());
	}

	@PostMapping("/opendata/harvest")
	String create(SourceForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			HarvestSource source = harvesting.create(form.settings(), currentUser.actorName());
			redirect.addFlashAttribute("notice", "opendata.harvest.notice.created");
			return "redirect:/opendata/harvest/" + source.id();
		}
		catch (InvalidHarvestSource e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, null, form, e.errors());
		}
	}

	@GetMapping("/opendata/harvest/{id}/edit")
	String edit(@PathVariable("id") UUID id, Model model) {
		HarvestSource source = found(id);
		return form(model, source, SourceForm.of(source), Map.of());
	}

	@PostMapping("/opendata/harvest/{id}")
	String update(@PathVariable("id") UUID id, SourceForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		HarvestSource source = found(id);
		try {
			harvesting.update(id, form.settings(), currentUser.actorName());
			redirect.addFlashAttribute("notice", "opendata.harvest.notice.updated");
			return "redirect:/opendata/harvest/" + id;
		}
		catch (InvalidHarvestSource e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, source, form, e.errors());
		}
		catch (OpendataException e) {
			throw refusal(e);
		}
	}

	@PostMapping("/opendata/harvest/{id}/delete")
	String delete(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		found(id);
		try {
			harvesting.delete(id, currentUser.actorName());
		}
		catch (OpendataException e) {
			if (e.status() == 409) {
				redirect.addFlashAttribute("actionError", e.messageKey());
				return "redirect:/opendata/harvest/" + id;
			}
			throw refusal(e);
		}
		redirect.addFlashAttribute("notice", "opendata.harvest.notice.deleted");
		return "redirect:/opendata/harvest";
	}

	@GetMapping("/opendata/harvest/{id}")
	String source(@PathVariable("id") UUID id, Model model) {
		HarvestSource source = found(id);
		model.addAttribute("source", source);
		model.addAttribute("jobs", harvesting.jobs(id, 50));
		model.addAttribute("running", harvesting.running(id));
		model.addAttribute("zone", ZONE);
		return "opendata/harvest/source";
	}

	@PostMapping("/opendata/harvest/{id}/run")
	String run(@PathVariable("id") UUID id, RedirectAttributes redirect) {
		found(id);
		try {
			UUID job = harvesting.start(id, currentUser.actorName());
			redirect.addFlashAttribute("notice", "opendata.harvest.notice.started");
			return "redirect:/opendata/harvest/jobs/" + job;
		}
		catch (OpendataException e) {
			if (e.status() == 409 || e.status() == 503) {
				redirect.addFlashAttribute("actionError", e.messageKey());
				return "redirect:/opendata/harvest/" + id;
			}
			throw refusal(e);
		}
	}

	@GetMapping("/opendata/harvest/jobs/{jobId}")
	String job(@PathVariable("jobId") UUID jobId, Model model, HttpServletResponse response) {
		Harvesting.JobReport report = harvesting.job(jobId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		boolean running = report.job().status() == JobStatus.RUNNING;
		if (running) {
			// Refreshes the page without JavaScript while the run goes on.
			response.setHeader("Refresh", String.valueOf(REFRESH_SECONDS));
		}
		model.addAttribute("report", report);
		model.addAttribute("job", report.job());
		model.addAttribute("source", report.source());
		model.addAttribute("running", running);
		model.addAttribute("refreshSeconds", REFRESH_SECONDS);
		model.addAttribute("zone", ZONE);
		return "opendata/harvest/job";
	}

	private String form(Model model, @Nullable HarvestSource source, SourceForm form, Map<String, String> errors) {
		model.addAttribute("source", source);
		model.addAttribute("form", form);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("kinds", List.of(SourceKind.values()));
		model.addAttribute("schedules", List.of(Schedule.values()));
		model.addAttribute("limits", Map.of("pageSize", Harvesting.MAX_PAGE_SIZE, "maxPages", Harvesting.MAX_MAX_PAGES,
				"maxMegabytes", Harvesting.MAX_MAX_MEGABYTES, "timeoutSeconds", Harvesting.MAX_TIMEOUT_SECONDS));
		return "opendata/harvest/form";
	}

	private HarvestSource found(UUID id) {
		return harvesting.source(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static ResponseStatusException refusal(OpendataException e) {
		return new ResponseStatusException(HttpStatus.valueOf(e.status()), e.messageKey());
	}
}
