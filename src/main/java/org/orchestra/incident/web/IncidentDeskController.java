package org.orchestra.incident.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.orchestra.document.DocumentManagement;
import org.orchestra.identity.CurrentUser;
import org.orchestra.incident.IncidentCategories;
import org.orchestra.incident.IncidentDesk;
import org.orchestra.incident.IncidentException;
import org.orchestra.incident.IncidentOpen311;
import org.orchestra.incident.IncidentReport;
import org.orchestra.incident.ReportStatus;
import org.orchestra.incident.Source;
import org.orchestra.incident.Visibility;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.territory.TerritoryMap;
import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The back office of the organisation the staff member acts for: its reports as a list and a map, each report
 * with its full timeline and the actions of the workflow, statistics with CSV export, a PDF of a report, the
 * dispatch matrix and the Open311 API keys.
 */
@Controller
class IncidentDeskController {

	private final IncidentDesk desk;
	private final IncidentCategories categories;
	private final IncidentViews views;
	private final OrganisationDirectory organisations;
	private final DocumentManagement documents;
	private final IncidentOpen311 open311;
	private final TerritoryMap map;
	private final CurrentUser currentUser;
	private final org.orchestra.incident.Webhooks webhooks;

	IncidentDeskController(org.orchestra.incident.Webhooks webhooks, IncidentDesk desk, IncidentCategories categories, IncidentViews views,
			OrganisationDirectory organisations, DocumentManagement documents, IncidentOpen311 open311,
			TerritoryMap map, CurrentUser currentUser) {
		this.desk = desk;
		this.categories = categories;
		this.views = views;
		this.organisations = organisations;
		this.documents = documents;
		this.open311 = open311;
		this.map = map;
		this.currentUser = currentUser;
		this.webhooks = webhooks;
	}

	@GetMapping("/desk/incidents")
	@PreAuthorize("hasAuthority('incident.desk')")
	String list(@RequestParam(name = "status", required = false) @Nullable ReportStatus status,
			@RequestParam(name = "category", required = false) @Nullable String category,
			@RequestParam(name = "commune", required = false) @Nullable String commune,
			@RequestParam(name = "source", required = false) @Nullable Source source,
			@RequestParam(name = "assignee", required = false) @Nullable String assignee,
			@RequestParam(name = "open", defaultValue = "false") boolean openOnly,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model, Locale locale) {
		IncidentDesk.Filter filter = new IncidentDesk.Filter(status, blank(category), blank(commune), source,
				blank(assignee), openOnly);
		Page<IncidentReport> reports = desk.list(filter, page, 50);
		model.addAttribute("reports", reports);
		model.addAttribute("summaries", views.summaries(reports.getContent(), locale));
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", ReportStatus.values());
		model.addAttribute("sources", Source.values());
		model.addAttribute("categoryGroups", categories.byAsset());
		model.addAttribute("territoryMap", map);
		return "incident/desk-list";
	}

	@GetMapping(path = "/desk/incidents/map.geojson", produces = "application/geo+json")
	@PreAuthorize("hasAuthority('incident.desk')")
	@org.springframework.web.bind.annotation.ResponseBody
	Map<String, Object> mapData(@RequestParam(name = "status", required = false) @Nullable ReportStatus status,
			@RequestParam(name = "category", required = false) @Nullable String category,
			@RequestParam(name = "source", required = false) @Nullable Source source,
			@RequestParam(name = "open", defaultValue = "false") boolean openOnly, Locale locale) {
		List<Map<String, Object>> features = new java.util.ArrayList<>();
		IncidentDesk.Filter filter = new IncidentDesk.Filter(status, blank(category), null, source, null, openOnly);
		for (IncidentReport report : desk.list(filter, 0, 500).getContent()) {
			features.add(Map.of("type", "Feature", "id", report.id(), "geometry",
					Map.of("type", "Point", "coordinates", List.of(report.lon(), report.lat())), "properties",
					Map.of("id", report.id(), "category", views.categoryName(report.categoryCode(), locale), "status",
							views.text("incident.status." + report.status(), locale), "open", report.status().open(),
							"url", "/desk/incidents/" + report.id())));
		}
		return Map.of("type", "FeatureCollection", "features", features);
	}

	@GetMapping("/desk/incidents/{id:\\d+}")
	@PreAuthorize("hasAuthority('incident.desk')")
	String report(@PathVariable("id") long id, Model model, Locale locale) {
		IncidentReport report = desk.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("report", report);
		model.addAttribute("detail", views.detail(report, locale));
		model.addAttribute("events", desk.timeline(id).stream().map(e -> views.event(e, locale, false)).toList());
		model.addAttribute("comments", desk.comments(id));
		model.addAttribute("photos", desk.photos(id));
		model.addAttribute("agents", currentUser.hasPrivilege("incident.desk.work") ? desk.agents() : List.of());
		model.addAttribute("contractors", currentUser.hasPrivilege("incident.desk.work") ? desk.contractors() : List.of());
		model.addAttribute("organisations", organisations.all());
		model.addAttribute("visibilities", Visibility.values());
		model.addAttribute("canWork", currentUser.hasPrivilege("incident.desk.work"));
		model.addAttribute("canSeeConfidential", currentUser.hasPrivilege("incident.confidential.read"));
		return "incident/desk-report";
	}

	@PostMapping("/desk/incidents/{id:\\d+}/actions/{action}")
	@PreAuthorize("hasAuthority('incident.desk')")
	String act(@PathVariable("id") long id, @PathVariable("action") String action,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		try {
			switch (action) {
				case "accept" -> desk.accept(id);
				case "refuse" -> desk.refuse(id, form.getOrDefault("reason", ""));
				case "assign" -> desk.assign(id, form.get("department"), form.get("agent"));
				case "contractor" -> desk.assignContractor(id, form.getOrDefault("contractor", ""));
				case "priority" -> desk.prioritise(id, integer(form.get("gravity")), integer(form.get("probability")));
				case "plan" -> desk.plan(id, date(form.get("plannedDate")));
				case "transfer" -> desk.transfer(id, form.getOrDefault("organisation", ""), form.getOrDefault("reason", ""));
				case "merge" -> desk.merge(id, integer(form.get("other")));
				case "solve" -> desk.solve(id, form.get("notes"));
				case "close" -> desk.close(id, form.get("notes"));
				case "reopen" -> desk.reopen(id, form.get("notes"));
				case "private" -> desk.makePrivate(id, Boolean.parseBoolean(form.get("value")));
				case "comment" -> desk.comment(id, form.getOrDefault("text", ""),
						Visibility.valueOf(form.getOrDefault("visibility", "PRIVATE")));
				default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("notice", "incident.desk.done");
		}
		catch (IncidentException ex) {
			if (ex.status() == 404) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("actionError", ex.messageKey());
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("actionError", "incident.error.invalid-input");
		}
		return desk.find(id).isPresent() ? "redirect:/desk/incidents/" + id : "redirect:/desk/incidents";
	}

	@PostMapping("/desk/incidents/{id:\\d+}/photos")
	@PreAuthorize("hasAuthority('incident.desk')")
	String addPhotos(@PathVariable("id") long id,
			@RequestParam(name = "photos", required = false) @Nullable List<org.springframework.web.multipart.MultipartFile> files,
			@RequestParam(name = "visibility", defaultValue = "PRIVATE") Visibility visibility,
			RedirectAttributes redirect) throws java.io.IOException {
		List<byte[]> uploads = new java.util.ArrayList<>();
		for (org.springframework.web.multipart.MultipartFile file : files == null ? List.<org.springframework.web.multipart.MultipartFile>of() : files) {
			if (!file.isEmpty()) {
				uploads.add(file.getBytes());
			}
		}
		try {
			desk.addPhotos(id, uploads, visibility);
			redirect.addFlashAttribute("notice", "incident.desk.done");
		}
		catch (IncidentException ex) {
			if (ex.status() == 404) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("actionError", ex.messageKey());
		}
		return "redirect:/desk/incidents/" + id;
	}

	@GetMapping("/desk/incidents/stats")
	@PreAuthorize("hasAuthority('incident.desk')")
	String stats(Model model, Locale locale) {
		IncidentDesk.Statistics statistics = desk.statistics();
		Map<String, Long> byCommune = new java.util.LinkedHashMap<>();
		statistics.byCommune().forEach((nis, count) -> byCommune.put(views.commune(nis, locale), count));
		Map<String, Long> byCategory = new java.util.LinkedHashMap<>();
		statistics.byCategory().forEach((code, count) -> byCategory.put(views.categoryName(code, locale), count));
		model.addAttribute("statistics", statistics);
		model.addAttribute("byCommune", byCommune);
		model.addAttribute("byCategory", byCategory);
		return "incident/stats";
	}

	@GetMapping(path = "/desk/incidents/export.csv")
	@PreAuthorize("hasAuthority('incident.desk')")
	ResponseEntity<byte[]> export(Locale locale) {
		StringBuilder csv = new StringBuilder(
				"id,created,updated,closed,status,category,location_type,nis_code,commune,lat,lon,source,department,assignee,priority,interest_count,url\n");
		for (IncidentReport r : desk.all(new IncidentDesk.Filter(null, null, null, null, null, false))) {
			csv.append(r.id()).append(',').append(r.createdAt()).append(',').append(r.updatedAt()).append(',')
				.append(r.closedAt() == null ? "" : r.closedAt()).append(',').append(r.status()).append(',')
				.append(cell(views.categoryName(r.categoryCode(), locale))).append(',').append(r.locationType())
				.append(',').append(r.nisCode()).append(',').append(cell(views.commune(r.nisCode(), locale)))
				.append(',').append(r.lat()).append(',').append(r.lon()).append(',').append(r.source()).append(',')
				.append(cell(r.department())).append(',').append(cell(r.assignee())).append(',')
				.append(r.priority()).append(',').append(r.interestCount()).append(",/incidents/").append(r.id())
				.append('\n');
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv; charset=utf-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("incidents.csv").build().toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping(path = "/desk/incidents/{id:\\d+}/report.pdf")
	@PreAuthorize("hasAuthority('incident.desk')")
	ResponseEntity<byte[]> pdf(@PathVariable("id") long id, Locale locale) {
		IncidentReport report = desk.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Map<String, Object> variables = new HashMap<>();
		variables.put("detail", views.detail(report, locale));
		variables.put("report", report);
		variables.put("events", desk.timeline(id).stream().map(e -> views.event(e, locale, false)).toList());
		variables.put("comments", desk.comments(id));
		byte[] pdf = documents.renderPdf("incident/report", variables, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("incident-" + id + ".pdf").build().toString())
			.body(pdf);
	}

	@GetMapping("/desk/incidents/photos/{sha:[0-9a-f]{64}}.jpg")
	@PreAuthorize("hasAuthority('incident.desk')")
	ResponseEntity<org.springframework.core.io.InputStreamResource> photo(@PathVariable("sha") String sha)
			throws java.io.IOException {
		if (!desk.canSeePhoto(sha)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.header("X-Content-Type-Options", "nosniff")
			.body(new org.springframework.core.io.InputStreamResource(documents.openBlob(sha)));
	}

	// --- dispatch matrix ------------------------------------------------------------------------------

	@GetMapping("/desk/dispatch")
	@PreAuthorize("hasAuthority('incident.dispatch.manage')")
	String dispatch(Model model) {
		model.addAttribute("rules", desk.dispatchMatrix());
		model.addAttribute("categoryGroups", categories.byAsset());
		return "incident/dispatch";
	}

	@PostMapping("/desk/dispatch")
	@PreAuthorize("hasAuthority('incident.dispatch.manage')")
	String setDispatch(@RequestParam(name = "category", defaultValue = "") String category,
			@RequestParam(name = "department", defaultValue = "") String department, RedirectAttributes redirect) {
		try {
			desk.setDispatch(category, department);
			redirect.addFlashAttribute("notice", "incident.desk.done");
		}
		catch (IncidentException ex) {
			redirect.addFlashAttribute("actionError", ex.messageKey());
		}
		return "redirect:/desk/dispatch";
	}

	@PostMapping("/desk/dispatch/{id}/delete")
	@PreAuthorize("hasAuthority('incident.dispatch.manage')")
	String removeDispatch(@PathVariable("id") UUID id) {
		desk.removeDispatch(id);
		return "redirect:/desk/dispatch";
	}

	// --- webhooks -------------------------------------------------------------------------------------

	@GetMapping("/desk/webhooks")
	@PreAuthorize("hasAuthority('incident.dispatch.manage')")
	String webhooks(Model model) {
		List<org.orchestra.incident.Webhook> hooks = webhooks.webhooks();
		model.addAttribute("webhooks", hooks);
		Map<UUID, List<org.orchestra.incident.WebhookDelivery>> recent = new java.util.LinkedHashMap<>();
		hooks.forEach(h -> recent.put(h.id(), webhooks.deliveries(h.id())));
		model.addAttribute("deliveries", recent);
		return "incident/webhooks";
	}

	@PostMapping("/desk/webhooks")
	@PreAuthorize("hasAuthority('incident.dispatch.manage')")
	String registerWebhook(@RequestParam(name = "url", defaultValue = "") String url, Model model,
			HttpServletResponse response) {
		try {
			org.orchestra.incident.Webhook hook = webhooks.register(url);
			model.addAttribute("secret", webhooks.secret(hook.id()).orElse(""));
		}
		catch (IncidentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("actionError", ex.messageKey());
		}
		return webhooks(model);
	}

	@PostMapping("/desk/webhooks/{id}/delete")
	@PreAuthorize("hasAuthority('incident.dispatch.manage')")
	String removeWebhook(@PathVariable("id") UUID id) {
		webhooks.remove(id);
		return "redirect:/desk/webhooks";
	}

	// --- Open311 keys ---------------------------------------------------------------------------------

	@GetMapping("/desk/open311-keys")
	@PreAuthorize("hasAuthority('incident.open311.keys')")
	String keys(Model model) {
		model.addAttribute("keys", open311.keys());
		model.addAttribute("organisations", organisations.all());
		return "incident/keys";
	}

	@PostMapping("/desk/open311-keys")
	@PreAuthorize("hasAuthority('incident.open311.keys')")
	String issueKey(@RequestParam(name = "client", defaultValue = "") String client,
			@RequestParam(name = "organisation", defaultValue = "") String organisation, Model model,
			HttpServletResponse response) {
		try {
			model.addAttribute("issued", open311.issueKey(client, organisation));
		}
		catch (IncidentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("actionError", ex.messageKey());
		}
		return keys(model);
	}

	@PostMapping("/desk/open311-keys/{id}/revoke")
	@PreAuthorize("hasAuthority('incident.open311.keys')")
	String revokeKey(@PathVariable("id") UUID id) {
		open311.revokeKey(id);
		return "redirect:/desk/open311-keys";
	}

	private static int integer(@Nullable String value) {
		if (value == null || !value.trim().matches("\\d{1,9}")) {
			throw new IllegalArgumentException("Not a number");
		}
		return Integer.parseInt(value.trim());
	}

	private static @Nullable LocalDate date(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Not a date");
		}
	}

	private static String cell(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
