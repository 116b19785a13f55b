package org.orchestra.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.orchestra.audit.AuditEntry;
import org.orchestra.audit.AuditScope;
import org.orchestra.audit.AuditTrail;
import org.orchestra.tenancy.OrganisationDirectory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditors' page: the trail, filtered, and its verification. */
@Controller
class AuditController {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	private final AuditTrail trail;
	private final AuditScope scope;
	private final OrganisationDirectory organisations;

	AuditController(AuditTrail trail, AuditScope scope, OrganisationDirectory organisations) {
		this.trail = trail;
		this.scope = scope;
		this.organisations = organisations;
	}

	@GetMapping("/audit")
	@PreAuthorize("hasAuthority('audit.read')")
	String trail(@RequestParam(name = "organisation", required = false) @Nullable String organisation,
			@RequestParam(name = "actor", required = false) @Nullable String actor,
			@RequestParam(name = "action", required = false) @Nullable String action,
			@RequestParam(name = "from", required = false) @Nullable String from,
			@RequestParam(name = "to", required = false) @Nullable String to,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model, Locale locale) {
		LocalDate fromDate = date(from, "from", model);
		LocalDate toDate = date(to, "to", model);
		AuditTrail.Filter filter = new AuditTrail.Filter(scope.organisationFilter(organisation), blank(actor),
				blank(action), fromDate == null ? null : fromDate.atStartOfDay(BRUSSELS).toInstant(),
				toDate == null ? null : toDate.plusDays(1).atStartOfDay(BRUSSELS).toInstant());
		Page<AuditEntry> entries = trail.search(filter, PageRequest.of(Math.max(page, 0), 50));
		model.addAttribute("entries", entries);
		model.addAttribute("filter", filter);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("readsAll", scope.readsAll());
		model.addAttribute("organisations", organisations.all());
		model.addAttribute("zone", BRUSSELS);
		return "audit/trail";
	}

	@PostMapping("/audit/verification")
	@PreAuthorize("hasAuthority('audit.verify')")
	String verify(Model model) {
		model.addAttribute("verification", trail.verify());
		return "audit/verification";
	}

	private static @Nullable LocalDate date(@Nullable String value, String field, Model model) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			model.addAttribute(field + "Error", "audit.trail.invalid-date");
			return null;
		}
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
