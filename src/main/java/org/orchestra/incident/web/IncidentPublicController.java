package org.orchestra.incident.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.orchestra.document.DocumentManagement;
import org.orchestra.identity.AccountKind;
import org.orchestra.identity.CurrentUser;
import org.orchestra.identity.OrchestraPrincipal;
import org.orchestra.incident.Category;
import org.orchestra.incident.IncidentCategories;
import org.orchestra.incident.IncidentException;
import org.orchestra.incident.IncidentReport;
import org.orchestra.incident.IncidentReporting;
import org.orchestra.incident.LocationType;
import org.orchestra.incident.Source;
import org.orchestra.territory.Address;
import org.orchestra.territory.Territory;
import org.orchestra.territory.TerritoryMap;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizens' side: report an incident (works without JavaScript; the map enhances it), see similar reports
 * first, follow a report, ask to reopen it, browse the public list and map, and subscribe to feeds.
 */
@Controller
class IncidentPublicController {

	private final IncidentReporting reporting;
	private final IncidentCategories categories;
	private final Territory territory;
	private final TerritoryMap map;
	private final CurrentUser currentUser;
	private final OrganisationDirectory organisations;
	private final DocumentManagement documents;
	private final IncidentViews views;

	IncidentPublicController(IncidentReporting reporting, IncidentCategories categories, Territory territory,
			TerritoryMap map, CurrentUser currentUser, OrganisationDirectory organisations, DocumentManagement documents,
			IncidentViews views) {
		this.reporting = reporting;
		this.categories = categories;
		this.territory = territory;
		this.map = map;
		this.currentUser = currentUser;
		this.organisations = organisations;
		this.documents = documents;
		this.views = views;
	}

	// --- reporting ------------------------------------------------------------------------------------

	@GetMapping("/incidents/new")
	String form(Model model) {
		return formPage(model, IncidentForm.empty(UUID.randomUUID().toString()), Map.of(), List.of(), null);
	}

	@PostMapping("/incidents/new")
	String submit(@RequestParam(name = "idempotencyKey", defaultValue = "") String idempotencyKey,
			@RequestParam(name = "lon", required = false) @Nullable String lonText,
			@RequestParam(name = "lat", required = false) @Nullable String latText,
			@RequestParam(name = "q", defaultValue = "") String q,
			@RequestParam(name = "locationType", defaultValue = "") String locationType,
			@RequestParam(name = "category", defaultValue = "") String category,
			@RequestParam(name = "description", defaultValue = "") String description,
			@RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> uploads,
			@RequestParam(name = "photoRef", required = false) @Nullable List<String> photoRefs,
			@RequestParam(name = "name", defaultValue = "") String name,
			@RequestParam(name = "email", defaultValue = "") String email,
			@RequestParam(name = "phone", defaultValue = "") String phone,
			@RequestParam(name = "hideName", defaultValue = "false") boolean hideName,
			@RequestParam(name = "privateReport", defaultValue = "false") boolean privateReport,
			@RequestParam(name = "notDuplicate", defaultValue = "false") boolean notDuplicate, Model model,
			Locale locale, HttpServletResponse response) throws IOException {
		Map<String, String> errors = new LinkedHashMap<>();
		String key = idempotencyKey.matches("[A-Za-z0-9-]{8,100}") ? idempotencyKey : UUID.randomUUID().toString();
		Double lon = number(lonText);
		Double lat = number(latText);
		List<IncidentReporting.PreparedPhoto> photos = new ArrayList<>();
		for (String ref : photoRefs == null ? List.<String>of() : photoRefs) {
			try {
				photos.add(reporting.photoReference(ref));
			}
			catch (IncidentException ex) {
				errors.put("photos", ex.messageKey());
			}
		}
		List<byte[]> fresh = new ArrayList<>();
		for (MultipartFile upload : uploads == null ? List.<MultipartFile>of() : uploads) {
			if (!upload.isEmpty()) {
				fresh.add(upload.getBytes());
			}
		}
		String notice = null;
		try {
			if (photos.size() + fresh.size() > 6) {
				throw new IncidentException("incident.error.too-many-photos");
			}
			List<IncidentReporting.PreparedPhoto> prepared = reporting.preparePhotos(fresh);
			photos.addAll(prepared);
			if (lon == null || lat == null) {
				for (IncidentReporting.PreparedPhoto photo : prepared) {
					if (photo.gps() != null) {
						lon = photo.gps()[0];
						lat = photo.gps()[1];
						notice = "incident.new.location-from-photo";
						break;
					}
				}
			}
		}
		catch (IncidentException ex) {
			errors.put("photos", ex.messageKey());
		}
		String address = q.isBlank() ? null : q.strip();
		if ((lon == null || lat == null) && address != null) {
			List<Address> found = territory.searchAddresses(address, 1);
			if (!found.isEmpty()) {
				lon = found.get(0).lon();
				lat = found.get(0).lat();
			}
			else {
				errors.put("q", "incident.error.address-not-found");
			}
		}
		if ((lon == null || lat == null) && !errors.containsKey("q")) {
			errors.put("q", "incident.error.location-required");
		}
		LocationType location = null;
		try {
			location = LocationType.valueOf(locationType);
		}
		catch (IllegalArgumentException ex) {
			errors.put("locationType", "incident.error.location-type");
		}
		if (categories.find(category).isEmpty()) {
			errors.put("category", "incident.error.category");
		}
		else if (location != null && !categories.find(category).get().appliesTo(location)) {
			errors.put("category", "incident.error.category-location");
		}
		if (description.isBlank()) {
			errors.put("description", "incident.error.description-required");
		}
		else if (description.length() > 4000) {
			errors.put("description", "incident.error.description-too-long");
		}
		OrchestraPrincipal principal = currentUser.principal().orElse(null);
		boolean professional = principal != null && currentUser.hasPrivilege("incident.report.pro")
				&& principal.currentOrganisation().isPresent();
		String mail = blank(email);
		if (principal == null && mail == null) {
			errors.put("email", "incident.error.email-required");
		}
		else if (mail != null && !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			errors.put("email", "incident.error.email");
		}
		IncidentForm form = new IncidentForm(key, lon, lat, q, locationType, category, description,
				photos.stream().map(IncidentReporting.PreparedPhoto::reference).toList(), name, email, phone, hideName,
				privateReport);
		if (lon != null && lat != null && !errors.containsKey("q")) {
			if (!territory.locate(lon, lat).inRegion()) {
				errors.put("q", "incident.error.outside-region");
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return formPage(model, form, errors, List.of(), notice);
		}
		if (!notDuplicate) {
			List<IncidentReport> similar = reporting.nearby(lon, lat, category);
			if (!similar.isEmpty()) {
				model.addAttribute("similar", similar.stream().map(r -> views.summary(r, locale)).toList());
				return formPage(model, form, errors, photos, notice);
			}
		}
		Source source = professional ? Source.PROFESSIONAL : Source.CITIZEN;
		String account = principal != null && principal.kind() == AccountKind.CITIZEN ? principal.getUsername()
				: principal != null ? principal.getUsername() : null;
		IncidentReport.Draft draft = new IncidentReport.Draft(lon, lat, address, location, category,
				description.strip(), blank(name), mail, blank(phone), account, hideName, source, key, null,
				professional && privateReport);
		try {
			IncidentReporting.Submission submission = reporting.submit(draft, photos, locale,
					professional ? principal.currentOrganisation().map(OrganisationId::value).orElse(null) : null);
			IncidentReport report = submission.report();
			if (!report.status().published()) {
				model.addAttribute("email", mail);
				return "incident/check-email";
			}
			return "redirect:/incidents/" + report.id() + "?submitted";
		}
		catch (IncidentException ex) {
			errors.put("form", ex.messageKey());
			response.setStatus(ex.status());
			return formPage(model, form, errors, List.of(), notice);
		}
	}

	private String formPage(Model model, IncidentForm form, Map<String, String> errors,
			List<IncidentReporting.PreparedPhoto> photos, @Nullable String notice) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("locationTypes", LocationType.values());
		model.addAttribute("categoryGroups", categories.byAsset());
		model.addAttribute("territoryMap", map);
		model.addAttribute("approximate", territory.approximate());
		model.addAttribute("photoNotice", notice);
		OrchestraPrincipal principal = currentUser.principal().orElse(null);
		model.addAttribute("signedIn", principal != null);
		model.addAttribute("professional", principal != null && currentUser.hasPrivilege("incident.report.pro"));
		return "incident/new";
	}

	// --- one report -----------------------------------------------------------------------------------

	@GetMapping("/incidents/{id:\\d+}")
	String report(@PathVariable("id") long id, Model model, Locale locale) {
		IncidentReport report = reporting.publicReport(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("report", views.detail(report, locale));
		model.addAttribute("events", reporting.publicEvents(id).stream().map(e -> views.event(e, locale, true)).toList());
		model.addAttribute("comments", reporting.publicComments(id));
		model.addAttribute("photos", reporting.publicPhotos(id));
		model.addAttribute("reopenable", report.reopenable(java.time.Instant.now()));
		return "incident/report";
	}

	@PostMapping("/incidents/{id:\\d+}/subscriptions")
	String subscribe(@PathVariable("id") long id, @RequestParam(name = "email", defaultValue = "") String email,
			Locale locale, RedirectAttributes redirect) {
		try {
			reporting.subscribe(id, email, locale);
			redirect.addFlashAttribute("notice", "incident.report.subscribed");
		}
		catch (IncidentException ex) {
			if (ex.status() == 404) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("subscribeError", ex.messageKey());
		}
		return "redirect:/incidents/" + id + "#follow";
	}

	@PostMapping("/incidents/{id:\\d+}/also")
	String alsoReport(@PathVariable("id") long id, @RequestParam(name = "email", defaultValue = "") String email,
			Locale locale, RedirectAttributes redirect) {
		try {
			reporting.alsoReport(id, blank(email), locale);
			redirect.addFlashAttribute("notice", "incident.report.also-reported");
		}
		catch (IncidentException ex) {
			if (ex.status() == 404) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("notice", ex.messageKey());
		}
		return "redirect:/incidents/" + id;
	}

	@PostMapping("/incidents/{id:\\d+}/reopen-request")
	String reopen(@PathVariable("id") long id, @RequestParam(name = "reason", defaultValue = "") String reason,
			RedirectAttributes redirect) {
		try {
			reporting.requestReopen(id, reason);
			redirect.addFlashAttribute("notice", "incident.report.reopen-requested");
		}
		catch (IncidentException ex) {
			if (ex.status() == 404) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("reopenError", ex.messageKey());
		}
		return "redirect:/incidents/" + id + "#reopen";
	}

	@GetMapping("/incidents/confirm/{token}")
	String confirm(@PathVariable("token") String token, RedirectAttributes redirect) {
		IncidentReport report = reporting.confirm(token)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		redirect.addFlashAttribute("notice", "incident.report.confirmed");
		return "redirect:/incidents/" + report.id();
	}

	@GetMapping("/incidents/unsubscribe/{token}")
	String unsubscribe(@PathVariable("token") String token, Model model) {
		model.addAttribute("unsubscribed", reporting.unsubscribe(token));
		return "incident/unsubscribed";
	}

	@GetMapping("/incidents/photos/{sha:[0-9a-f]{64}}.jpg")
	ResponseEntity<InputStreamResource> photo(@PathVariable("sha") String sha) throws IOException {
		if (!reporting.photoIsPublic(sha)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		InputStream content = documents.openBlob(sha);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(30)).cachePublic().immutable())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(content));
	}

	// --- lists, map, feeds ----------------------------------------------------------------------------

	@GetMapping("/incidents")
	String list(@RequestParam(name = "commune", required = false) @Nullable String commune,
			@RequestParam(name = "category", required = false) @Nullable String category,
			@RequestParam(name = "state", required = false) @Nullable String state,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model, Locale locale) {
		IncidentReporting.PublicFilter filter = filter(commune, category, state);
		Page<IncidentReport> reports = reporting.publicList(filter, page, 25);
		List<IncidentViews.Summary> summaries = views.summaries(reports.getContent(), locale);
		model.addAttribute("reports", new org.springframework.data.domain.PageImpl<>(summaries, reports.getPageable(),
				reports.getTotalElements()));
		model.addAttribute("filter", filter);
		model.addAttribute("state", state);
		model.addAttribute("communes", territoryCommunes(locale));
		model.addAttribute("categoryGroups", categories.byAsset());
		model.addAttribute("territoryMap", map);
		return "incident/list";
	}

	@GetMapping(path = "/incidents/map.geojson", produces = "application/geo+json")
	@ResponseBody
	Map<String, Object> mapData(@RequestParam(name = "commune", required = false) @Nullable String commune,
			@RequestParam(name = "category", required = false) @Nullable String category,
			@RequestParam(name = "state", required = false) @Nullable String state, Locale locale) {
		List<Map<String, Object>> features = new ArrayList<>();
		for (IncidentReport report : reporting.publicList(filter(commune, category, state), 0, 200).getContent()) {
			IncidentViews.Summary summary = views.summary(report, locale);
			features.add(Map.of("type", "Feature", "id", report.id(), "geometry",
					Map.of("type", "Point", "coordinates", List.of(report.lon(), report.lat())), "properties",
					Map.of("id", report.id(), "category", summary.category(), "status", summary.statusLabel(), "open",
							report.status().open(), "url", "/incidents/" + report.id())));
		}
		return Map.of("type", "FeatureCollection", "features", features);
	}

	@GetMapping(path = "/incidents/feed.atom", produces = "application/atom+xml;charset=utf-8")
	ResponseEntity<String> feed(@RequestParam(name = "commune", required = false) @Nullable String commune,
			@RequestParam(name = "lat", required = false) @Nullable Double lat,
			@RequestParam(name = "lon", required = false) @Nullable Double lon,
			@RequestParam(name = "radius", defaultValue = "500") double radius, Locale locale) {
		List<IncidentReport> reports;
		String title;
		if (lat != null && lon != null) {
			if (radius <= 0 || radius > 5000) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "radius must be between 1 and 5000 m");
			}
			reports = reporting.publicAround(lon, lat, radius, 50);
			title = views.text("incident.feed.around", locale, Math.round(radius));
		}
		else {
			String nis = blank(commune);
			if (nis != null && !nis.matches("21\\d{3}")) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown commune");
			}
			reports = reporting.publicList(new IncidentReporting.PublicFilter(nis, null, null), 0, 50).getContent();
			title = nis == null ? views.text("incident.feed.all", locale)
					: views.text("incident.feed.commune", locale,
							organisations.nameOf(OrganisationId.of("commune-" + nis), locale));
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=utf-8"))
			.body(views.atom(title, reports, locale, reporting.publicUrl()));
	}

	@GetMapping("/incidents/mine")
	@PreAuthorize("isAuthenticated()")
	String mine(@RequestParam(name = "page", defaultValue = "0") int page, Model model, Locale locale) {
		String account = currentUser.principal().map(OrchestraPrincipal::getUsername).orElseThrow();
		model.addAttribute("reports", reporting.mine(account, page).map(r -> views.summary(r, locale)));
		return "incident/mine";
	}

	private IncidentReporting.PublicFilter filter(@Nullable String commune, @Nullable String category,
			@Nullable String state) {
		String nis = blank(commune);
		if (nis != null && !nis.matches("21\\d{3}")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown commune");
		}
		String code = blank(category);
		if (code != null && categories.find(code).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown category");
		}
		Boolean open = "open".equals(state) ? Boolean.TRUE : "closed".equals(state) ? Boolean.FALSE : null;
		return new IncidentReporting.PublicFilter(nis, code, open);
	}

	private List<Map<String, String>> territoryCommunes(Locale locale) {
		return organisations.all()
			.stream()
			.filter(o -> o.nisCode() != null && o.nisCode().startsWith("21"))
			.map(o -> Map.of("nis", o.nisCode(), "name", o.name(locale)))
			.sorted(java.util.Comparator.comparing(m -> m.get("name")))
			.toList();
	}

	private static @Nullable Double number(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			double value = Double.parseDouble(text.trim());
			return Double.isFinite(value) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
