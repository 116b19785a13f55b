package org.orchestra.exchange.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;


import org.jspecify.annotations.Nullable;
import org.orchestra.exchange.ExchangeException;
import org.orchestra.exchange.ExchangeManagement;
import org.orchestra.exchange.ExchangeTokens;
import org.orchestra.exchange.Outcome;
import org.orchestra.exchange.RightStatus;
import org.orchestra.exchange.ServiceCatalog;
import org.orchestra.tenancy.OrganisationDirectory;
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
import tools.jackson.databind.json.JsonMapper;

/** Pages of the exchange: partners manage their clients and rights; the integrator runs the exchange. */
@Controller
class ExchangeWebController {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	private final ExchangeManagement management;
	private final ServiceCatalog catalog;
	private final OrganisationDirectory organisations;
	private final ExchangeTokens tokens;
	private final JsonMapper json = JsonMapper.builder().build();

	ExchangeWebController(ExchangeManagement management, ServiceCatalog catalog, OrganisationDirectory organisations,
			ExchangeTokens tokens) {
		this.management = management;
		this.catalog = catalog;
		this.organisations = organisations;
		this.tokens = tokens;
	}

	// --- partners -------------------------------------------------------------------------------------

	@GetMapping("/exchange/partner")
	@PreAuthorize("hasAuthority('exchange.partner')")
	String partner(Model model) {
		model.addAttribute("clients", management.clients(null));
		model.addAttribute("rights", management.rights(null));
		model.addAttribute("services", catalog.all());
		model.addAttribute("tokenEndpoint", tokens.issuer());
		return "exchange/partner";
	}

	@PostMapping("/exchange/partner/clients")
	@PreAuthorize("hasAuthority('exchange.partner')")
	String registerClient(@RequestParam(name = "name", defaultValue = "") String name,
			@RequestParam(name = "publicKey", defaultValue = "") String publicKey,
			@RequestParam(name = "rate", defaultValue = "20") int rate, RedirectAttributes redirect) {
		try {
			management.registerClient(null, name, publicKey, rate);
			redirect.addFlashAttribute("notice", "exchange.partner.client-registered");
		}
		catch (ExchangeException ex) {
			redirect.addFlashAttribute("clientError", ex.messageKey());
		}
		return "redirect:/exchange/partner";
	}

	@PostMapping("/exchange/partner/rights")
	@PreAuthorize("hasAuthority('exchange.partner')")
	String requestRight(@RequestParam(name = "client", defaultValue = "") String client,
			@RequestParam(name = "operation", defaultValue = "") String serviceOperation,
			@RequestParam(name = "purpose", defaultValue = "") String purpose,
			@RequestParam(name = "legalBasis", defaultValue = "") String legalBasis, RedirectAttributes redirect) {
		try {
			String[] parts = serviceOperation.split("/", 2);
			if (parts.length != 2) {
				throw new ExchangeException("exchange.error.unknown-operation");
			}
			management.requestRight(client, parts[0], parts[1], purpose, legalBasis);
			redirect.addFlashAttribute("notice", "exchange.partner.right-requested");
		}
		catch (ExchangeException ex) {
			redirect.addFlashAttribute("rightError", ex.messageKey());
		}
		return "redirect:/exchange/partner";
	}

	// --- integrator -----------------------------------------------------------------------------------

	@GetMapping("/exchange/admin")
	@PreAuthorize("hasAuthority('exchange.admin')")
	String admin(Model model) {
		model.addAttribute("rights", management.rights(null));
		model.addAttribute("clients", management.clients(null));
		model.addAttribute("health", management.health());
		model.addAttribute("statistics", management.statistics());
		model.addAttribute("organisations", organisations.all());
		return "exchange/admin";
	}

	@PostMapping("/exchange/admin/rights/{id}")
	@PreAuthorize("hasAuthority('exchange.admin')")
	String decide(@PathVariable("id") UUID id, @RequestParam(name = "decision") RightStatus decision,
			@RequestParam(name = "note", defaultValue = "") String note, RedirectAttributes redirect) {
		try {
			management.decide(id, decision, note);
			redirect.addFlashAttribute("notice", "exchange.admin.decided");
		}
		catch (ExchangeException ex) {
			redirect.addFlashAttribute("adminError", ex.messageKey());
		}
		return "redirect:/exchange/admin";
	}

	@PostMapping("/exchange/admin/clients/{id}/disable")
	@PreAuthorize("hasAuthority('exchange.admin')")
	String disable(@PathVariable("id") UUID id) {
		management.disableClient(id);
		return "redirect:/exchange/admin";
	}

	@PostMapping("/exchange/admin/population")
	@PreAuthorize("hasAuthority('exchange.admin')")
	String population(@RequestParam(name = "partner", defaultValue = "") String partner,
			@RequestParam(name = "nationalNumber", defaultValue = "") String nationalNumber, RedirectAttributes redirect) {
		try {
			management.addToPopulation(partner, nationalNumber);
			redirect.addFlashAttribute("notice", "exchange.admin.population-added");
		}
		catch (ExchangeException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("adminError",
					ex instanceof ExchangeException e ? e.messageKey() : "exchange.error.unknown-partner");
		}
		return "redirect:/exchange/admin#population";
	}

	@GetMapping("/exchange/admin/transactions")
	@PreAuthorize("hasAuthority('exchange.admin')")
	String transactions(@RequestParam(name = "partner", required = false) @Nullable String partner,
			@RequestParam(name = "service", required = false) @Nullable String service,
			@RequestParam(name = "outcome", required = false) @Nullable String outcome,
			@RequestParam(name = "from", required = false) @Nullable String from,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		LocalDate day = null;
		if (from != null && !from.isBlank()) {
			try {
				day = LocalDate.parse(from.trim());
			}
			catch (DateTimeParseException ex) {
				model.addAttribute("fromError", "audit.trail.invalid-date");
			}
		}
		ExchangeManagement.Filter filter = new ExchangeManagement.Filter(blank(partner), null, blank(service),
				blank(outcome), day == null ? null : day.atStartOfDay(BRUSSELS).toInstant(), null);
		model.addAttribute("transactions", management.transactions(filter, page));
		model.addAttribute("filter", filter);
		model.addAttribute("from", from);
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("services", catalog.all());
		model.addAttribute("verification", management.verifyLog());
		return "exchange/transactions";
	}

	@GetMapping(path = "/exchange/admin/transactions/{messageId}/evidence.json")
	@PreAuthorize("hasAuthority('exchange.admin')")
	ResponseEntity<String> evidence(@PathVariable("messageId") String messageId) {
		try {
			Map<String, Object> evidence = management.evidence(messageId);
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("evidence-" + messageId + ".json").build().toString())
				.body(json.writerWithDefaultPrettyPrinter().writeValueAsString(evidence));
		}
		catch (ExchangeException ex) {
			throw new ResponseStatusException(HttpStatus.valueOf(ex.status()));
		}
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}


}
