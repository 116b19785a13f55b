package org.orchestra.counter.web;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.orchestra.counter.AddressChange;
import org.orchestra.counter.AddressChangeDesk;
import org.orchestra.counter.CounterDesk;
import org.orchestra.counter.CounterException;
import org.orchestra.counter.DeliveryMode;
import org.orchestra.counter.DocumentCatalogue;
import org.orchestra.counter.DocumentRequest;
import org.orchestra.counter.DocumentType;
import org.orchestra.counter.RequestStatus;
import org.orchestra.document.DocumentException;
import org.orchestra.tenancy.TenantContext;
import org.springframework.core.io.InputStreamResource;
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
 * The commune's counter desk: the queue with deadlines, each request with its timeline, messages and actions,
 * address changes to confirm, the commune's offering, answer templates and statistics.
 */
@Controller
class CounterDeskController {

	private final CounterDesk desk;
	private final AddressChangeDesk addressChanges;
	private final DocumentCatalogue catalogue;
	private final org.orchestra.identity.CurrentUser currentUser;

	CounterDeskController(CounterDesk desk, AddressChangeDesk addressChanges, DocumentCatalogue catalogue,
			org.orchestra.identity.CurrentUser currentUser) {
		this.currentUser = currentUser;
		this.desk = desk;
		this.addressChanges = addressChanges;
		this.catalogue = catalogue;
	}

	@GetMapping("/desk/counter")
	@PreAuthorize("hasAuthority('counter.desk')")
	String queue(@RequestParam(name = "status", required = false) @Nullable RequestStatus status,
			@RequestParam(name = "document", required = false) @Nullable String document,
			@RequestParam(name = "mine", defaultValue = "false") boolean mine,
			@RequestParam(name = "overdue", defaultValue = "false") boolean overdue,
			@RequestParam(name = "closed", defaultValue = "false") boolean closed,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		String code = document == null || document.isBlank() ? null : document.strip();
		if (code != null && catalogue.find(code).isEmpty()) {
			throw new CounterException("counter.error.unknown-document", 400);
		}
		model.addAttribute("requests", desk.queue(new CounterDesk.Filter(status, code, mine, overdue, closed), page));
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("documents", catalogue.all());
		model.addAttribute("titles", catalogue.titles(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		model.addAttribute("status", status);
		model.addAttribute("document", code);
		model.addAttribute("mine", mine);
		model.addAttribute("overdue", overdue);
		model.addAttribute("closed", closed);
		model.addAttribute("pendingAddressChanges", addressChanges.queue(true, 0).getTotalElements());
		return "counter/desk-list";
	}

	@GetMapping("/desk/counter/requests/{reference}")
	@PreAuthorize("hasAuthority('counter.desk')")
	String one(@PathVariable String reference, Model model) {
		return page(model, desk.get(reference), Map.of());
	}

	private String page(Model model, DocumentRequest request, Map<String, String> errors) {
		model.addAttribute("request", request);
		model.addAttribute("type", catalogue.find(request.documentCode()).orElse(null));
		model.addAttribute("timeline", desk.timeline(request));
		model.addAttribute("messages", desk.messages(request));
		model.addAttribute("agents", desk.agents());
		model.addAttribute("templates", desk.templates());
		model.addAttribute("next", request.status().open() ? nextOf(request.status()) : List.of());
		model.addAttribute("errors", errors);
		return "counter/desk-request";
	}

	private static List<RequestStatus> nextOf(RequestStatus status) {
		return EnumSet.allOf(RequestStatus.class).stream().filter(s -> status.next().contains(s)).toList();
	}

	private String refused(Model model, String reference, CounterException ex, String field,
			HttpServletResponse response) {
		response.setStatus(ex.status());
		return page(model, desk.get(reference), Map.of(field, ex.messageKey()));
	}

	@PostMapping("/desk/counter/requests/{reference}/assign")
	@PreAuthorize("hasAuthority('counter.desk.work')")
	String assign(@PathVariable String reference, @RequestParam(name = "agent", required = false) @Nullable String agent,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			desk.assign(reference, agent);
		}
		catch (CounterException ex) {
			return refused(model, reference, ex, "agent", response);
		}
		redirect.addFlashAttribute("notice", "counter.desk.saved");
		return "redirect:/desk/counter/requests/" + reference;
	}

	@PostMapping("/desk/counter/requests/{reference}/status")
	@PreAuthorize("hasAuthority('counter.desk.work')")
	String status(@PathVariable String reference, @RequestParam(name = "status", required = false) @Nullable RequestStatus status,
			@RequestParam(name = "note", required = false) @Nullable String note, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			if (status == null) {
				throw new CounterException("counter.error.transition");
			}
			desk.move(reference, status, note);
		}
		catch (CounterException ex) {
			return refused(model, reference, ex, "status", response);
		}
		redirect.addFlashAttribute("notice", "counter.desk.saved");
		return "redirect:/desk/counter/requests/" + reference;
	}

	@PostMapping("/desk/counter/requests/{reference}/messages")
	@PreAuthorize("hasAuthority('counter.desk.work')")
	String write(@PathVariable String reference, @RequestParam(name = "body", required = false) @Nullable String body,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		try {
			desk.write(reference, body == null ? "" : body, CounterCitizenController.upload(file));
		}
		catch (CounterException ex) {
			return refused(model, reference, ex, "body", response);
		}
		catch (DocumentException ex) {
			response.setStatus(ex.status());
			return page(model, desk.get(reference), Map.of("file", ex.messageKey()));
		}
		redirect.addFlashAttribute("notice", "counter.desk.sent");
		return "redirect:/desk/counter/requests/" + reference;
	}

	@PostMapping("/desk/counter/requests/{reference}/document")
	@PreAuthorize("hasAuthority('counter.desk.work')")
	String deliver(@PathVariable String reference, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		try {
			var upload = CounterCitizenController.upload(file);
			if (upload == null) {
				throw new CounterException("counter.error.document-required");
			}
			desk.deliverDocument(reference, upload);
		}
		catch (CounterException ex) {
			return refused(model, reference, ex, "document", response);
		}
		catch (DocumentException ex) {
			response.setStatus(ex.status());
			return page(model, desk.get(reference), Map.of("document", ex.messageKey()));
		}
		redirect.addFlashAttribute("notice", "counter.desk.saved");
		return "redirect:/desk/counter/requests/" + reference;
	}

	@GetMapping("/desk/counter/requests/{reference}/document")
	@PreAuthorize("hasAuthority('counter.desk')")
	ResponseEntity<InputStreamResource> document(@PathVariable String reference) {
		return CounterCitizenController.send(desk.download(reference));
	}

	@GetMapping("/desk/counter/requests/{reference}/files/{id}")
	@PreAuthorize("hasAuthority('counter.desk')")
	ResponseEntity<InputStreamResource> file(@PathVariable String reference, @PathVariable UUID id) {
		return CounterCitizenController.send(desk.attachment(reference, id));
	}

	@GetMapping("/desk/counter/address-changes")
	@PreAuthorize("hasAuthority('counter.desk')")
	String addressChanges(@RequestParam(name = "all", defaultValue = "false") boolean all,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		model.addAttribute("changes", addressChanges.queue(!all, page));
		model.addAttribute("all", all);
		return "counter/desk-address-changes";
	}

	@GetMapping("/desk/counter/address-changes/{reference}")
	@PreAuthorize("hasAuthority('counter.desk')")
	String addressChange(@PathVariable String reference, Model model) {
		model.addAttribute("change", addressChanges.get(reference));
		model.addAttribute("errors", Map.of());
		return "counter/desk-address-change";
	}

	@PostMapping("/desk/counter/address-changes/{reference}/decision")
	@PreAuthorize("hasAuthority('counter.desk.work')")
	String decide(@PathVariable String reference, @RequestParam(name = "decision", required = false) @Nullable String decision,
			@RequestParam(name = "reason", required = false) @Nullable String reason, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			if (!"confirm".equals(decision) && !"refuse".equals(decision)) {
				throw new CounterException("counter.error.transition");
			}
			AddressChange change = addressChanges.decide(reference, "confirm".equals(decision), reason);
			redirect.addFlashAttribute("notice", "counter.desk.saved");
			return "redirect:/desk/counter/address-changes/" + change.reference();
		}
		catch (CounterException ex) {
			response.setStatus(ex.status());
			model.addAttribute("change", addressChanges.get(reference));
			model.addAttribute("errors", Map.of("reason", ex.messageKey()));
			return "counter/desk-address-change";
		}
	}

	@GetMapping("/desk/counter/offerings")
	@PreAuthorize("hasAuthority('counter.manage')")
	String offerings(Model model) {
		model.addAttribute("offering", catalogue.offering(TenantContext.require()));
		model.addAttribute("modes", DeliveryMode.values());
		model.addAttribute("errors", Map.of());
		return "counter/offerings";
	}

	@PostMapping("/desk/counter/offerings/{code}")
	@PreAuthorize("hasAuthority('counter.manage')")
	String offer(@PathVariable String code, @RequestParam(name = "offered", defaultValue = "false") boolean offered,
			@RequestParam(name = "price", required = false) @Nullable String price,
			@RequestParam(name = "days", required = false) @Nullable String days,
			@RequestParam(name = "modes", required = false) @Nullable List<String> modes, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		DocumentType type = catalogue.require(code);
		try {
			int cents = cents(price);
			int processing;
			try {
				processing = days == null || days.isBlank() ? type.processingDays() : Integer.parseInt(days.strip());
			}
			catch (NumberFormatException ex) {
				throw new CounterException("counter.error.days");
			}
			Set<DeliveryMode> chosen = EnumSet.noneOf(DeliveryMode.class);
			for (String mode : modes == null ? List.<String>of() : modes) {
				try {
					chosen.add(DeliveryMode.valueOf(mode));
				}
				catch (IllegalArgumentException ex) {
					throw new CounterException("counter.error.modes");
				}
			}
			catalogue.offer(TenantContext.require(), type.code(), offered, cents, chosen, processing);
		}
		catch (CounterException ex) {
			response.setStatus(ex.status());
			model.addAttribute("offering", catalogue.offering(TenantContext.require()));
			model.addAttribute("modes", DeliveryMode.values());
			model.addAttribute("errors", Map.of(type.code(), ex.messageKey()));
			return "counter/offerings";
		}
		redirect.addFlashAttribute("notice", "counter.desk.saved");
		return "redirect:/desk/counter/offerings#" + type.code();
	}

	static int cents(@Nullable String price) {
		if (price == null || price.isBlank()) {
			return 0;
		}
		String text = price.strip().replace(',', '.');
		if (!text.matches("\\d{1,4}(\\.\\d{1,2})?")) {
			throw new CounterException("counter.error.price");
		}
		return new java.math.BigDecimal(text).movePointRight(2).intValueExact();
	}

	@GetMapping("/desk/counter/templates")
	@PreAuthorize("hasAuthority('counter.desk')")
	String templates(Model model) {
		model.addAttribute("templates", desk.templates());
		model.addAttribute("errors", Map.of());
		model.addAttribute("canManage", currentUser.hasPrivilege("counter.manage"));
		return "counter/templates";
	}

	@PostMapping("/desk/counter/templates")
	@PreAuthorize("hasAuthority('counter.manage')")
	String addTemplate(@RequestParam(name = "title", required = false) @Nullable String title,
			@RequestParam(name = "body", required = false) @Nullable String body, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			desk.addTemplate(title == null ? "" : title, body == null ? "" : body);
		}
		catch (CounterException ex) {
			response.setStatus(ex.status());
			model.addAttribute("templates", desk.templates());
			model.addAttribute("errors", Map.of("template", ex.messageKey()));
			model.addAttribute("canManage", true);
			return "counter/templates";
		}
		redirect.addFlashAttribute("notice", "counter.desk.saved");
		return "redirect:/desk/counter/templates";
	}

	@PostMapping("/desk/counter/templates/{id}/delete")
	@PreAuthorize("hasAuthority('counter.manage')")
	String removeTemplate(@PathVariable UUID id, RedirectAttributes redirect) {
		desk.removeTemplate(id);
		redirect.addFlashAttribute("notice", "counter.desk.saved");
		return "redirect:/desk/counter/templates";
	}

	@GetMapping("/desk/counter/stats")
	@PreAuthorize("hasAuthority('counter.desk')")
	String stats(Model model) {
		model.addAttribute("stats", desk.statistics());
		model.addAttribute("titles", catalogue.titles(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		return "counter/stats";
	}
}
