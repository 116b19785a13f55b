package org.orchestra.forms.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.orchestra.document.DocumentManagement;
import org.orchestra.forms.Answer;
import org.orchestra.forms.FormDesign;
import org.orchestra.forms.FormDesk;
import org.orchestra.forms.FormFilling;
import org.orchestra.forms.FormsException;
import org.orchestra.forms.Submission;
import org.orchestra.forms.SubmissionStatus;
import org.orchestra.identity.CurrentUser;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk of the organisation the agent acts for: its queue of sent forms, each submission with the exact version
 * it was filled with, its history and the actions; and, for organisation administrators, the choice of the forms
 * the organisation offers.
 */
@Controller
class FormsDeskController {

	private final FormDesk desk;
	private final FormDesign design;
	private final FormViews views;
	private final DocumentManagement documents;
	private final CurrentUser currentUser;

	FormsDeskController(FormDesk desk, FormDesign design, FormViews views, DocumentManagement documents,
			CurrentUser currentUser) {
		this.desk = desk;
		this.design = design;
		this.views = views;
		this.documents = documents;
		this.currentUser = currentUser;
	}

	@GetMapping("/desk/forms")
	@PreAuthorize("hasAuthority('forms.desk')")
	String queue(@RequestParam(name = "status", required = false) @Nullable SubmissionStatus status,
			@RequestParam(name = "form", required = false) @Nullable UUID form,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model, Locale locale, HttpServletResponse response) throws java.io.IOException {
		return views.guarded(() -> {
			Page<Submission> submissions = desk.queue(status, form, page, 50);
			Map<UUID, String> titles = new HashMap<>();
			design.published().forEach(p -> titles.put(p.form().id(), p.definition().title().in(locale)));
			model.addAttribute("submissions", submissions);
			model.addAttribute("rows", submissions.getContent().stream().map(s -> {
				Map<String, Object> row = new HashMap<>();
				row.put("id", s.id());
				row.put("reference", s.reference());
				row.put("title", titles.getOrDefault(s.formId(), desk.find(s.id()).definition().title().in(locale)));
				row.put("status", s.status().name());
				row.put("submittedAt", s.submittedAt());
				row.put("assignee", s.assignee() == null ? "" : s.assignee());
				return row;
			}).toList());
			model.addAttribute("status", status);
			model.addAttribute("form", form);
			model.addAttribute("statuses", List.of(SubmissionStatus.RECEIVED, SubmissionStatus.IN_PROGRESS,
					SubmissionStatus.WAITING, SubmissionStatus.DONE, SubmissionStatus.REFUSED));
			model.addAttribute("forms", titles);
			return "forms/desk-list";
		}, response, model, locale);
	}

	@GetMapping("/desk/forms/{id}")
	@PreAuthorize("hasAuthority('forms.desk')")
	String submission(@PathVariable("id") UUID id, Model model, Locale locale, HttpServletResponse response) throws java.io.IOException {
		return views.guarded(() -> {
			FormFilling.Filling f = desk.find(id);
			model.addAttribute("filling", f);
			model.addAttribute("formTitle", f.definition().title().in(locale));
			model.addAttribute("answers", views.answers(f.definition(), f.answers(), locale));
			model.addAttribute("history", desk.history(id));
			model.addAttribute("agents", desk.agents());
			model.addAttribute("statuses", List.of(SubmissionStatus.IN_PROGRESS, SubmissionStatus.WAITING,
					SubmissionStatus.DONE, SubmissionStatus.REFUSED));
			return "forms/desk-submission";
		}, response, model, locale);
	}

	@PostMapping("/desk/forms/{id}/actions/{action}")
	@PreAuthorize("hasAuthority('forms.desk')")
	String act(@PathVariable("id") UUID id, @PathVariable("action") String action,
			@RequestParam(name = "assignee", required = false) @Nullable String assignee,
			@RequestParam(name = "status", required = false) @Nullable SubmissionStatus status,
			@RequestParam(name = "reason", required = false) @Nullable String reason,
			@RequestParam(name = "message", defaultValue = "") String message, RedirectAttributes redirect, HttpServletResponse response, Model model, Locale locale) throws java.io.IOException {
		return views.guarded(() -> {
			switch (action) {
				case "assign" -> desk.assign(id, assignee);
				case "status" -> {
					if (status == null) {
						throw new FormsException("forms.error.status-invalid", 400);
					}
					desk.changeStatus(id, status, reason);
				}
				case "answer" -> desk.answer(id, message);
				case "note" -> desk.note(id, message);
				default -> throw new FormsException("forms.error.not-found", 404);
			}
			redirect.addFlashAttribute("notice", "forms.notice.saved");
			return "redirect:/desk/forms/" + id;
		}, response, model, locale);
	}

	@GetMapping("/desk/forms/{id}/files/{field}")
	@PreAuthorize("hasAuthority('forms.desk')")
	ResponseEntity<InputStreamResource> file(@PathVariable("id") UUID id, @PathVariable("field") String field)
			throws IOException {
		Answer answer = desk.file(id, field).orElseThrow(() -> new FormsException("forms.error.not-found", 404));
		return FormsFillController.download(documents, answer);
	}

	@GetMapping("/desk/forms/offering")
	@PreAuthorize("hasAuthority('forms.offering')")
	String offering(Model model, Locale locale, HttpServletResponse response) throws java.io.IOException {
		return views.guarded(() -> {
			OrganisationId organisation = currentUser.organisation()
				.orElseThrow(() -> new FormsException("forms.error.no-organisation", 403));
			Set<UUID> offered = design.offeredByOrganisation(organisation);
			model.addAttribute("forms", design.published()
				.stream()
				.map(p -> Map.of("id", p.form().id(), "key", p.form().key(), "title", p.definition().title().in(locale),
						"description", views.text(p.definition().description(), locale), "offered",
						offered.contains(p.form().id())))
				.toList());
			return "forms/offering";
		}, response, model, locale);
	}

	@PostMapping("/desk/forms/offering")
	@PreAuthorize("hasAuthority('forms.offering')")
	String offer(@RequestParam("form") UUID form, @RequestParam(name = "offered", defaultValue = "false") boolean offered,
			RedirectAttributes redirect, HttpServletResponse response, Model model, Locale locale) throws java.io.IOException {
		return views.guarded(() -> {
			design.offer(form, offered);
			redirect.addFlashAttribute("notice", "forms.notice.saved");
			return "redirect:/desk/forms/offering";
		}, response, model, locale);
	}
}
