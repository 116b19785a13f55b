package org.orchestra.counter.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.orchestra.counter.AddressChange;
import org.orchestra.counter.AddressChangeDesk;
import org.orchestra.counter.CounterException;
import org.orchestra.counter.CounterRequests;
import org.orchestra.counter.DeliveryMode;
import org.orchestra.counter.DocumentCatalogue;
import org.orchestra.counter.DocumentRequest;
import org.orchestra.counter.DocumentType;
import org.orchestra.counter.Offering;
import org.orchestra.counter.PopulationRegister;
import org.orchestra.document.DocumentException;
import org.orchestra.territory.Territory;
import org.orchestra.territory.TerritoryMap;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in resident at the counter: requesting a document, following requests, writing to the commune,
 * downloading the document, and declaring a change of address.
 */
@Controller
@PreAuthorize("hasAuthority('counter.request')")
class CounterCitizenController {

	private final DocumentCatalogue catalogue;
	private final CounterRequests residents;
	private final AddressChangeDesk addressChanges;
	private final TerritoryMap map;
	private final Territory territory;

	CounterCitizenController(DocumentCatalogue catalogue, CounterRequests residents, AddressChangeDesk addressChanges,
			TerritoryMap map, Territory territory) {
		this.territory = territory;
		this.catalogue = catalogue;
		this.residents = residents;
		this.addressChanges = addressChanges;
		this.map = map;
	}

	@GetMapping("/counter/documents/{code}/request")
	@PreAuthorize("hasAuthority('counter.request')")
	String requestForm(@PathVariable String code, Model model) {
		DocumentType type = catalogue.require(code);
		return form(model, type, new LinkedHashMap<>(), null, null, null, null);
	}

	private String form(Model model, DocumentType type, Map<String, String> errors, @Nullable String subject,
			@Nullable String mode, @Nullable String postal, @Nullable String email) {
		PopulationRegister.Person resident = residents.resident();
		Offering.Terms terms = catalogue.terms(residents.communeOf(resident), type);
		if (!terms.offered()) {
			throw new CounterException("counter.error.not-offered", 409);
		}
		model.addAttribute("type", type);
		model.addAttribute("terms", terms);
		model.addAttribute("resident", resident);
		model.addAttribute("subjects", residents.subjects(resident, type));
		model.addAttribute("errors", errors);
		model.addAttribute("subject", subject == null ? resident.nationalNumber() : subject);
		model.addAttribute("mode", mode == null ? terms.deliveryModes().iterator().next().name() : mode);
		model.addAttribute("postal", postal == null ? resident.address() : postal);
		model.addAttribute("email", email == null ? "" : email);
		model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
		model.addAttribute("source", residents.registerSource());
		return "counter/request-form";
	}

	@PostMapping("/counter/documents/{code}/request")
	@PreAuthorize("hasAuthority('counter.request')")
	String request(@PathVariable String code, @RequestParam(name = "subject", required = false) @Nullable String subject,
			@RequestParam(name = "deliveryMode", required = false) @Nullable String mode,
			@RequestParam(name = "postalAddress", required = false) @Nullable String postal,
			@RequestParam(name = "email", required = false) @Nullable String email,
			@RequestParam(name = "idempotencyKey", required = false) @Nullable String key, Model model,
			HttpServletResponse response, Locale locale) {
		DocumentType type = catalogue.require(code);
		DeliveryMode delivery = null;
		try {
			delivery = mode == null ? null : DeliveryMode.valueOf(mode);
		}
		catch (IllegalArgumentException ex) {
			delivery = null;
		}
		try {
			CounterRequests.Submission submission = residents.submit(
					new CounterRequests.Draft(type.code(), subject, delivery, postal, email, key), locale);
			return "redirect:/counter/requests/" + submission.request().reference()
					+ (submission.created() ? "?sent" : "");
		}
		catch (CounterException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			String field = switch (ex.messageKey()) {
				case "counter.error.delivery-mode" -> "deliveryMode";
				case "counter.error.postal-address" -> "postalAddress";
				case "counter.error.email" -> "email";
				case "counter.error.not-for-this-person" -> "subject";
				default -> "form";
			};
			errors.put(field, ex.messageKey());
			response.setStatus(ex.status());
			return form(model, type, errors, subject, mode, postal, email);
		}
	}

	@GetMapping("/counter/requests")
	@PreAuthorize("hasAuthority('counter.request')")
	String mine(@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		model.addAttribute("requests", residents.mine(page));
		model.addAttribute("addressChanges", addressChanges.mine());
		model.addAttribute("titles", catalogue.titles(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		return "counter/requests";
	}

	@GetMapping("/counter/requests/{reference}")
	@PreAuthorize("hasAuthority('counter.request')")
	String one(@PathVariable String reference, Model model) {
		return requestPage(model, residents.mine(reference), new LinkedHashMap<>(), "");
	}

	private String requestPage(Model model, DocumentRequest request, Map<String, String> errors, String body) {
		model.addAttribute("request", request);
		model.addAttribute("type", catalogue.find(request.documentCode()).orElse(null));
		model.addAttribute("timeline", residents.timeline(request));
		model.addAttribute("messages", residents.messages(request));
		model.addAttribute("errors", errors);
		model.addAttribute("body", body);
		return "counter/request";
	}

	@PostMapping("/counter/requests/{reference}/messages")
	@PreAuthorize("hasAuthority('counter.request')")
	String write(@PathVariable String reference, @RequestParam(name = "body", required = false) @Nullable String body,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		DocumentRequest request = residents.mine(reference);
		try {
			residents.write(reference, body == null ? "" : body, upload(file));
			redirect.addFlashAttribute("notice", "counter.request.message-sent");
			return "redirect:/counter/requests/" + request.reference();
		}
		catch (CounterException ex) {
			response.setStatus(ex.status());
			return requestPage(model, request, Map.of("body", ex.messageKey()), body == null ? "" : body);
		}
		catch (DocumentException ex) {
			response.setStatus(ex.status());
			return requestPage(model, request, Map.of("file", ex.messageKey()), body == null ? "" : body);
		}
	}

	static CounterRequests.@Nullable Upload upload(@Nullable MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			return null;
		}
		String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "file"
				: file.getOriginalFilename();
		return new CounterRequests.Upload(name, file.getInputStream());
	}

	@GetMapping("/counter/requests/{reference}/document")
	@PreAuthorize("hasAuthority('counter.request')")
	ResponseEntity<InputStreamResource> document(@PathVariable String reference) {
		return send(residents.download(reference));
	}

	@GetMapping("/counter/requests/{reference}/files/{id}")
	@PreAuthorize("hasAuthority('counter.request')")
	ResponseEntity<InputStreamResource> file(@PathVariable String reference, @PathVariable UUID id) {
		return send(residents.attachment(reference, id));
	}

	static ResponseEntity<InputStreamResource> send(CounterRequests.Download download) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(download.filename(), java.nio.charset.StandardCharsets.UTF_8)
						.build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(download.content()));
	}

	@GetMapping("/counter/address-change")
	@PreAuthorize("hasAuthority('counter.request')")
	String addressChangeForm(Model model) {
		return addressChangePage(model, new LinkedHashMap<>(), new AddressForm());
	}

	/** The address-change form as typed, so it can be shown again with errors. */
	static final class AddressForm {
		public String street = "";
		public String houseNumber = "";
		public String box = "";
		public String postcode = "";
		public String movingDate = "";
		public @Nullable Double lon;
		public @Nullable Double lat;
		public List<String> members = new ArrayList<>();

		public String getStreet() {
			return street;
		}

		public String getHouseNumber() {
			return houseNumber;
		}

		public String getBox() {
			return box;
		}

		public String getPostcode() {
			return postcode;
		}

		public String getMovingDate() {
			return movingDate;
		}

		public @Nullable Double getLon() {
			return lon;
		}

		public @Nullable Double getLat() {
			return lat;
		}

		public List<String> getMembers() {
			return members;
		}
	}

	private String addressChangePage(Model model, Map<String, String> errors, AddressForm form) {
		PopulationRegister.Person resident = residents.resident();
		model.addAttribute("resident", resident);
		model.addAttribute("household", addressChanges.household());
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		model.addAttribute("approximate", territory.approximate());
		model.addAttribute("territoryMap", map);
		return "counter/address-change";
	}

	@PostMapping("/counter/address-change")
	@PreAuthorize("hasAuthority('counter.request')")
	String declare(@RequestParam(name = "street", required = false) @Nullable String street,
			@RequestParam(name = "houseNumber", required = false) @Nullable String houseNumber,
			@RequestParam(name = "box", required = false) @Nullable String box,
			@RequestParam(name = "postcode", required = false) @Nullable String postcode,
			@RequestParam(name = "lon", required = false) @Nullable String lon,
			@RequestParam(name = "lat", required = false) @Nullable String lat,
			@RequestParam(name = "movingDate", required = false) @Nullable String movingDate,
			@RequestParam(name = "members", required = false) @Nullable List<String> members, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		AddressForm form = new AddressForm();
		form.street = street == null ? "" : street;
		form.houseNumber = houseNumber == null ? "" : houseNumber;
		form.box = box == null ? "" : box;
		form.postcode = postcode == null ? "" : postcode;
		form.movingDate = movingDate == null ? "" : movingDate;
		form.lon = number(lon);
		form.lat = number(lat);
		form.members = members == null ? new ArrayList<>() : new ArrayList<>(members);
		LocalDate moving = null;
		try {
			moving = movingDate == null || movingDate.isBlank() ? null : LocalDate.parse(movingDate.strip());
		}
		catch (DateTimeParseException ex) {
			moving = null;
		}
		try {
			AddressChange change = addressChanges.declare(new AddressChangeDesk.Declaration(street, houseNumber, box,
					postcode, form.lon, form.lat, moving, form.members));
			redirect.addFlashAttribute("declared", change.reference());
			return "redirect:/counter/requests";
		}
		catch (CounterException ex) {
			String field = switch (ex.messageKey()) {
				case "counter.error.street" -> "street";
				case "counter.error.house-number" -> "houseNumber";
				case "counter.error.box" -> "box";
				case "counter.error.postcode" -> "postcode";
				case "counter.error.moving-date" -> "movingDate";
				case "counter.error.not-for-this-person" -> "members";
				default -> "place";
			};
			response.setStatus(ex.status());
			return addressChangePage(model, Map.of(field, ex.messageKey()), form);
		}
	}

	static @Nullable Double number(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			double value = Double.parseDouble(text.strip());
			return Double.isFinite(value) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
