package org.orchestra.incident.api;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;
import org.orchestra.incident.ApiKey;
import org.orchestra.incident.Category;
import org.orchestra.incident.IncidentCategories;
import org.orchestra.incident.IncidentEvent;
import org.orchestra.incident.IncidentException;
import org.orchestra.incident.IncidentOpen311;
import org.orchestra.incident.IncidentReport;
import org.orchestra.incident.IncidentReporting;
import org.orchestra.incident.LocationType;
import org.orchestra.incident.Source;
import org.orchestra.territory.Address;
import org.orchestra.territory.Territory;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 at {@code /open311/v2}: discovery, services, service definitions, requests (list, get,
 * create with an API key), tokens, the {@code page}/{@code page_size} and {@code extensions} extensions, and the
 * mySociety {@code servicerequestupdates} extension. Reporter identities never appear in any response.
 */
@RestController
@RequestMapping("/open311/v2")
@Hidden
class Open311Controller {

	static final String JURISDICTION = "brussels";
	static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
	static final int MAX_ITEMS = 1000;
	static final Duration WINDOW = Duration.ofDays(90);

	private final IncidentReporting reporting;
	private final IncidentCategories categories;
	private final IncidentOpen311 open311;
	private final OrganisationDirectory organisations;
	private final Territory territory;
	private final MessageSource messages;
	private final Open311Output output;

	Open311Controller(IncidentReporting reporting, IncidentCategories categories, IncidentOpen311 open311,
			OrganisationDirectory organisations, Territory territory, MessageSource messages, JsonMapper json) {
		this.reporting = reporting;
		this.categories = categories;
		this.open311 = open311;
		this.organisations = organisations;
		this.territory = territory;
		this.messages = messages;
		this.output = new Open311Output(json);
	}

	// --- discovery and services -----------------------------------------------------------------------

	@GetMapping("/discovery.{format}")
	ResponseEntity<String> discovery(@PathVariable("format") String format) {
		if (!Open311Output.supported(format)) {
			return notFound(format, "format not supported");
		}
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
		endpoint.put("url", reporting.publicUrl() + "/open311/v2");
		endpoint.put("changeset", "2026-11-28T00:00:00+01:00");
		endpoint.put("type", "production");
		endpoint.put("formats", new Open311Output.XmlList("format", List.of("text/xml", "application/json")));
		Map<String, Object> discovery = new LinkedHashMap<>();
		discovery.put("changeset", "2026-11-28T00:00:00+01:00");
		discovery.put("contact", "Orchestra — " + reporting.publicUrl() + "/incidents");
		discovery.put("key_service", reporting.publicUrl() + "/desk/open311-keys");
		discovery.put("endpoints", new Open311Output.XmlList("endpoint", List.of(endpoint)));
		return output.object(format, "discovery", discovery);
	}

	@GetMapping("/services.{format}")
	ResponseEntity<String> services(@PathVariable("format") String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction, Locale locale) {
		Optional<ResponseEntity<String>> problem = check(format, jurisdiction);
		if (problem.isPresent()) {
			return problem.get();
		}
		List<Map<String, Object>> services = new ArrayList<>();
		for (Category category : categories.all()) {
			Map<String, Object> service = new LinkedHashMap<>();
			service.put("service_code", category.code());
			service.put("service_name", category.name(locale));
			service.put("description", category.name(locale) + " — "
					+ text("incident.asset." + category.asset(), locale));
			service.put("metadata", true);
			service.put("type", "realtime");
			service.put("keywords", String.join(",", category.locations().stream().map(Enum::name).toList()));
			service.put("group", text("incident.asset." + category.asset(), locale));
			services.add(service);
		}
		return output.list(format, HttpStatus.OK, "services", "service", services);
	}

	@GetMapping("/services/{code}.{format}")
	ResponseEntity<String> definition(@PathVariable("code") String code, @PathVariable("format") String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction, Locale locale) {
		Optional<ResponseEntity<String>> problem = check(format, jurisdiction);
		if (problem.isPresent()) {
			return problem.get();
		}
		Optional<Category> category = categories.find(code);
		if (category.isEmpty()) {
			return output.errors(format, HttpStatus.NOT_FOUND, "service_code " + code + " not found");
		}
		List<Map<String, Object>> values = new ArrayList<>();
		for (LocationType location : category.get().locations()) {
			values.add(Map.of("key", location.name(), "name", text("incident.location." + location, locale)));
		}
		Map<String, Object> attribute = new LinkedHashMap<>();
		attribute.put("variable", true);
		attribute.put("code", "location_type");
		attribute.put("datatype", "singlevaluelist");
		attribute.put("required", true);
		attribute.put("datatype_description", text("incident.open311.location-type-description", locale));
		attribute.put("order", 1);
		attribute.put("description", text("incident.new.where", locale));
		attribute.put("values", new Open311Output.XmlList("value", values));
		Map<String, Object> definition = new LinkedHashMap<>();
		definition.put("service_code", code);
		definition.put("attributes", new Open311Output.XmlList("attribute", List.of(attribute)));
		return output.object(format, "service_definition", definition);
	}

	// --- requests -------------------------------------------------------------------------------------

	@PostMapping(path = "/requests.{format}", consumes = { "application/x-www-form-urlencoded", "multipart/form-data" })
	ResponseEntity<String> create(@PathVariable("format") String format,
			@RequestParam MultiValueMap<String, String> params, Locale locale) {
		Optional<ResponseEntity<String>> problem = check(format, params.getFirst("jurisdiction_id"));
		if (problem.isPresent()) {
			return problem.get();
		}
		Optional<ApiKey> client = open311.client(params.getFirst("api_key"));
		if (client.isEmpty()) {
			return output.errors(format, HttpStatus.FORBIDDEN, "api_key is missing or invalid");
		}
		String code = blank(params.getFirst("service_code"));
		if (code == null) {
			return output.errors(format, HttpStatus.BAD_REQUEST, "service_code is required");
		}
		Optional<Category> category = categories.find(code);
		if (category.isEmpty()) {
			return output.errors(format, HttpStatus.NOT_FOUND, "service_code " + code + " not found");
		}
		String description = blank(params.getFirst("description"));
		if (description == null) {
			return output.errors(format, HttpStatus.BAD_REQUEST, "description is required");
		}
		if (description.length() > 4000) {
			return output.errors(format, HttpStatus.BAD_REQUEST, "description is longer than 4000 characters");
		}
		double lon;
		double lat;
		String address = blank(params.getFirst("address_string"));
		String latText = blank(params.getFirst("lat"));
		String lonText = blank(params.getFirst("long"));
		if (latText != null && lonText != null) {
			try {
				lat = Double.parseDouble(latText);
				lon = Double.parseDouble(lonText);
			}
			catch (NumberFormatException ex) {
				return output.errors(format, HttpStatus.BAD_REQUEST, "lat and long must be decimal numbers");
			}
			if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
				return output.errors(format, HttpStatus.BAD_REQUEST, "lat and long are out of range");
			}
		}
		else if (address != null) {
			List<Address> found = territory.searchAddresses(address, 1);
			if (found.isEmpty()) {
				return output.errors(format, HttpStatus.BAD_REQUEST, "address_string could not be located");
			}
			lon = found.get(0).lon();
			lat = found.get(0).lat();
		}
		else {
			return output.errors(format, HttpStatus.BAD_REQUEST, "a location is required: lat and long, or address_string");
		}
		String locationValue = blank(params.getFirst("attribute[location_type]"));
		LocationType location;
		if (locationValue == null && category.get().locations().size() == 1) {
			location = category.get().locations().iterator().next();
		}
		else if (locationValue == null) {
			return output.errors(format, HttpStatus.BAD_REQUEST, "attribute[location_type] is required");
		}
		else {
			try {
				location = LocationType.valueOf(locationValue.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				return output.errors(format, HttpStatus.BAD_REQUEST, "attribute[location_type] is not a valid value");
			}
		}
		String email = blank(params.getFirst("email"));
		String name = blank(String.join(" ", nonNull(params.getFirst("first_name")), nonNull(params.getFirst("last_name"))));
		IncidentReport.Draft draft = new IncidentReport.Draft(lon, lat, address, location, code, description, name,
				email, blank(params.getFirst("phone")), null, true, Source.OPEN311, null, client.get().client(), false);
		try {
			IncidentReport report = reporting.submit(draft, List.of(), locale, null).report();
			Map<String, Object> created = new LinkedHashMap<>();
			created.put("service_request_id", Long.toString(report.id()));
			created.put("service_notice", text("incident.open311.notice", locale));
			created.put("account_id", null);
			return output.list(format, HttpStatus.OK, "service_requests", "request", List.of(created));
		}
		catch (IncidentException ex) {
			return output.errors(format, HttpStatus.BAD_REQUEST, text(ex.messageKey(), Locale.ENGLISH));
		}
	}

	@GetMapping("/tokens/{token}.{format}")
	ResponseEntity<String> token(@PathVariable("token") String token, @PathVariable("format") String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction) {
		Optional<ResponseEntity<String>> problem = check(format, jurisdiction);
		// requests are created in real time: no token is ever issued
		return problem.orElseGet(() -> output.errors(format, HttpStatus.NOT_FOUND, "token " + token + " not found"));
	}

	@GetMapping("/requests.{format}")
	ResponseEntity<String> requests(@PathVariable("format") String format,
			@RequestParam MultiValueMap<String, String> params, Locale locale) {
		Optional<ResponseEntity<String>> problem = check(format, params.getFirst("jurisdiction_id"));
		if (problem.isPresent()) {
			return problem.get();
		}
		List<Long> ids = new ArrayList<>();
		String idList = blank(params.getFirst("service_request_id"));
		if (idList != null) {
			for (String id : idList.split(",")) {
				try {
					ids.add(Long.parseLong(id.trim()));
				}
				catch (NumberFormatException ex) {
					return output.errors(format, HttpStatus.BAD_REQUEST, "service_request_id must be numbers");
				}
			}
		}
		List<String> codes = csv(params.getFirst("service_code"));
		Instant start;
		Instant end;
		try {
			start = date(params.getFirst("start_date"));
			end = date(params.getFirst("end_date"));
		}
		catch (DateTimeParseException ex) {
			return output.errors(format, HttpStatus.BAD_REQUEST, "start_date and end_date must be w3c datetimes with a time zone");
		}
		if (start != null && end != null && (end.isBefore(start) || Duration.between(start, end).compareTo(WINDOW) > 0)) {
			return output.errors(format, HttpStatus.BAD_REQUEST, "the date range must be at most 90 days");
		}
		if (ids.isEmpty() && start == null && end == null) {
			start = Instant.now().minus(WINDOW);
		}
		else if (ids.isEmpty() && start == null) {
			start = end.minus(WINDOW);
		}
		Boolean open = null;
		List<String> statuses = csv(params.getFirst("status"));
		if (!statuses.isEmpty()) {
			boolean wantsOpen = statuses.contains("open");
			boolean wantsClosed = statuses.contains("closed");
			if (statuses.stream().anyMatch(s -> !s.equals("open") && !s.equals("closed"))) {
				return output.errors(format, HttpStatus.BAD_REQUEST, "status must be open, closed or both");
			}
			open = wantsOpen == wantsClosed ? null : wantsOpen;
		}
		int page;
		int pageSize;
		try {
			page = Integer.parseInt(Optional.ofNullable(blank(params.getFirst("page"))).orElse("1"));
			pageSize = Integer.parseInt(Optional.ofNullable(blank(params.getFirst("page_size"))).orElse("" + MAX_ITEMS));
		}
		catch (NumberFormatException ex) {
			return output.errors(format, HttpStatus.BAD_REQUEST, "page and page_size must be whole numbers");
		}
		if (page < 1 || pageSize < 1 || pageSize > MAX_ITEMS) {
			return output.errors(format, HttpStatus.BAD_REQUEST, "page must be at least 1 and page_size between 1 and 1000");
		}
		boolean extensions = "true".equals(params.getFirst("extensions"));
		List<IncidentReport> found = open311
			.requests(new IncidentOpen311.Query(ids, codes, start, end, open, page, pageSize));
		Map<Long, String> photos = open311.firstPublicPhotos(found.stream().map(IncidentReport::id).toList());
		List<Map<String, Object>> items = found.stream()
			.map(report -> request(report, locale, extensions, photos.get(report.id())))
			.toList();
		return output.list(format, HttpStatus.OK, "service_requests", "request", items);
	}

	@GetMapping("/requests/{id}.{format}")
	ResponseEntity<String> request(@PathVariable("id") String id, @PathVariable("format") String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdiction,
			@RequestParam(name = "extensions", required = false) @Nullable String extensions, Locale locale) {
		Optional<ResponseEntity<String>> problem = check(format, jurisdiction);
		if (problem.isPresent()) {
			return problem.get();
		}
		Optional<IncidentReport> report;
		try {
			report = open311.request(Long.parseLong(id));
		}
		catch (NumberFormatException ex) {
			report = Optional.empty();
		}
		return report
			.map(r -> output.list(format, HttpStatus.OK, "service_requests", "request",
					List.of(request(r, locale, "true".equals(extensions), open311.firstPublicPhoto(r.id())))))
			.orElseGet(() -> output.errors(format, HttpStatus.NOT_FOUND, "service_request_id " + id + " not found"));
	}

	// --- mySociety update extension -------------------------------------------------------------------

	@GetMapping("/servicerequestupdates.{format}")
	ResponseEntity<String> updates(@PathVariable("format") String format,
			@RequestParam MultiValueMap<String, String> params, Locale locale) {
		Optional<ResponseEntity<String>> problem = check(format, params.getFirst("jurisdiction_id"));
		if (problem.isPresent()) {
			return problem.get();
		}
		if (open311.client(params.getFirst("api_key")).isEmpty()) {
			return output.errors(format, HttpStatus.FORBIDDEN, "api_key is missing or invalid");
		}
		Instant start;
		Instant end;
		try {
			start = date(params.getFirst("start_date"));
			end = date(params.getFirst("end_date"));
		}
		catch (DateTimeParseException ex) {
			return output.errors(format, HttpStatus.BAD_REQUEST, "start_date and end_date must be w3c datetimes");
		}
		Instant to = end == null ? Instant.now() : end;
		Instant from = start == null ? to.minus(Duration.ofDays(1)) : start;
		List<Map<String, Object>> items = new ArrayList<>();
		for (IncidentEvent event : open311.updates(from, to, MAX_ITEMS)) {
			IncidentReport report = open311.request(event.reportId()).orElseThrow();
			Map<String, Object> update = new LinkedHashMap<>();
			update.put("update_id", event.id().toString());
			update.put("service_request_id", Long.toString(event.reportId()));
			update.put("status", report.status().open311());
			update.put("updated_datetime", datetime(event.at()));
			update.put("description", text("incident.event." + event.type(), locale));
			update.put("media_url", null);
			update.put("external_status_code", report.status().extended());
			items.add(update);
		}
		return output.list(format, HttpStatus.OK, "service_requests_updates", "request_update", items);
	}

	@PostMapping(path = "/servicerequestupdates.{format}", consumes = { "application/x-www-form-urlencoded", "multipart/form-data" })
	ResponseEntity<String> postUpdate(@PathVariable("format") String format,
			@RequestParam MultiValueMap<String, String> params) {
		Optional<ResponseEntity<String>> problem = check(format, params.getFirst("jurisdiction_id"));
		if (problem.isPresent()) {
			return problem.get();
		}
		Optional<ApiKey> client = open311.client(params.getFirst("api_key"));
		if (client.isEmpty()) {
			return output.errors(format, HttpStatus.FORBIDDEN, "api_key is missing or invalid");
		}
		for (String required : List.of("service_request_id", "update_id", "updated_datetime", "status", "description")) {
			if (blank(params.getFirst(required)) == null) {
				return output.errors(format, HttpStatus.BAD_REQUEST, "Bad request: " + required);
			}
		}
		long id;
		try {
			id = Long.parseLong(params.getFirst("service_request_id").trim());
			date(params.getFirst("updated_datetime"));
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			return output.errors(format, HttpStatus.BAD_REQUEST, "Bad request: service_request_id or updated_datetime");
		}
		try {
			IncidentEvent event = open311.postUpdate(client.get(), id, params.getFirst("update_id").trim(),
					params.getFirst("status"), params.getFirst("description").trim());
			Map<String, Object> reply = new LinkedHashMap<>();
			reply.put("update_id", event.id().toString());
			return output.list(format, HttpStatus.OK, "service_request_updates", "request_update", List.of(reply));
		}
		catch (IncidentException ex) {
			return output.errors(format, HttpStatus.valueOf(ex.status()), ex.getMessage());
		}
	}

	// --- helpers --------------------------------------------------------------------------------------

	private Map<String, Object> request(IncidentReport report, Locale locale, boolean extensions,
			@Nullable String photo) {
		Category category = categories.find(report.categoryCode()).orElse(null);
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("service_request_id", Long.toString(report.id()));
		item.put("status", report.status().open311());
		item.put("status_notes", report.statusNotes());
		item.put("service_name", category == null ? report.categoryCode() : category.name(locale));
		item.put("service_code", report.categoryCode());
		item.put("description", report.description());
		item.put("agency_responsible", organisations.nameOf(OrganisationId.of(report.organisationId()), locale));
		item.put("service_notice", null);
		item.put("requested_datetime", datetime(report.createdAt()));
		item.put("updated_datetime", datetime(report.closedAt() != null ? report.closedAt() : report.updatedAt()));
		item.put("expected_datetime", report.plannedDate() == null ? null
				: report.plannedDate().atStartOfDay(ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		item.put("address", report.address());
		item.put("address_id", null);
		item.put("zipcode", null);
		item.put("lat", report.lat());
		item.put("long", report.lon());
		item.put("media_url", photo == null ? null : reporting.publicUrl() + "/incidents/photos/" + photo + ".jpg");
		if (extensions) {
			Map<String, Object> extended = new LinkedHashMap<>();
			extended.put("status", report.status().extended());
			extended.put("location_type", report.locationType().name());
			extended.put("nis_code", report.nisCode());
			extended.put("interest_count", report.interestCount());
			extended.put("merged_into", report.mergedInto() == null ? null : Long.toString(report.mergedInto()));
			item.put("extended_attributes", extended);
			List<Map<String, Object>> notes = new ArrayList<>();
			for (IncidentEvent event : open311.publicNotes(report.id())) {
				Map<String, Object> note = new LinkedHashMap<>();
				note.put("datetime", datetime(event.at()));
				note.put("description", text("incident.event." + event.type(), locale));
				note.put("type", event.type());
				notes.add(note);
			}
			item.put("notes", new Open311Output.XmlList("note", notes));
		}
		return item;
	}

	private Optional<ResponseEntity<String>> check(String format, @Nullable String jurisdiction) {
		if (!Open311Output.supported(format)) {
			return Optional.of(notFound(format, "format " + format + " not supported: use xml or json"));
		}
		if (jurisdiction != null && !jurisdiction.isBlank() && !JURISDICTION.equals(jurisdiction.trim())) {
			return Optional.of(output.errors(format, HttpStatus.NOT_FOUND, "jurisdiction_id " + jurisdiction + " not found"));
		}
		return Optional.empty();
	}

	private ResponseEntity<String> notFound(String format, String description) {
		return output.errors("json".equals(format) ? "json" : "xml", HttpStatus.NOT_FOUND, description);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	static String datetime(Instant instant) {
		return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZONE)
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private static @Nullable Instant date(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant();
	}

	private static List<String> csv(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String nonNull(@Nullable String value) {
		return value == null ? "" : value.trim();
	}
}
