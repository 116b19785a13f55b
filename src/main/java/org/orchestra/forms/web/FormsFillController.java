package org.orchestra.forms.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.orchestra.document.DocumentManagement;
import org.orchestra.forms.Answer;
import org.orchestra.forms.FieldError;
import org.orchestra.forms.FormDefinition;
import org.orchestra.forms.FormDefinition.Step;
import org.orchestra.forms.FormDesign;
import org.orchestra.forms.FormFilling;
import org.orchestra.forms.FormsException;
import org.orchestra.forms.StepInput;
import org.orchestra.forms.Submission;
import org.orchestra.tenancy.Organisation;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.territory.TerritoryMap;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Citizens' side of online forms: the catalogue of published forms, filling a form step by step with a saved
 * draft after each step, the summary, sending, and following one's submissions.
 */
@Controller
class FormsFillController {

	static final String KEY = "{key:[a-z0-9][a-z0-9-]{1,62}}";

	private final FormDesign design;
	private final FormFilling filling;
	private final FormViews views;
	private final OrganisationDirectory organisations;
	private final TerritoryMap territoryMap;
	private final DocumentManagement documents;

	FormsFillController(FormDesign design, FormFilling filling, FormViews views, OrganisationDirectory organisations,
			TerritoryMap territoryMap, DocumentManagement documents) {
		this.design = design;
		this.filling = filling;
		this.views = views;
		this.organisations = organisations;
		this.territoryMap = territoryMap;
		this.documents = documents;
	}

	@GetMapping("/forms")
	String catalogue(Model model, Locale locale, HttpServletResponse response) throws java.io.IOException {
		return views.guarded(() -> {
			model.addAttribute("forms", design.published()
				.stream()
				.map(p -> Map.of("key", p.form().key(), "title", p.definition().title().in(locale), "description",
						views.text(p.definition().description(), locale), "demo", p.form().demo()))
				.toList());
			return "forms/list";
		}, response, model, locale);
	}

	@GetMapping("/forms/" + KEY)
	String intro(@PathVariable("key") String key, Model model, Locale locale, HttpServletResponse response) throws java.io.IOException {
		return views.guarded(() -> {
			FormDesign.Published published = design.published(key)
				.orElseThrow(() -> new FormsException("forms.error.not-found", 404));
			FormDefinition definition = published.definition();
			model.addAttribute("form", published.form());
			model.addAttribute("formTitle", definition.title().in(locale));
			model.addAttribute("description", views.text(definition.description(), locale));
			model.addAttribute("steps", definition.steps().stream().map(s -> s.title().in(locale)).toList());
			model.addAttribute("version", published.version().number());
			model.addAttribute("byAddress", FormDefinition.Routing.ADDRESS.equals(definition.routingOrDefault().mode()));
			model.addAttribute("communes", design.offeredBy(published.form().id())
				.stream()
				.map(id -> organisations.nameOf(OrganisationId.of(id), locale))
				.sorted()
				.toList());
			model.addAttribute("retentionDays", definition.retentionDays());
			return "forms/intro";
		}, response, model, locale);
	}

	@PostMapping("/forms/" + KEY + "/start")
	@PreAuthorize("hasAuthority('forms.fill')")
	String start(@PathVariable("key") String key, Locale locale, HttpServletResponse response, Model model) throws java.io.IOException {
		return views.guarded(() -> {
			Submission submission = filling.start(key, locale);
			FormFilling.Filling started = filling.find(submission.id());
			return "redirect:/forms/submissions/" + submission.id() + "/steps/" + started.visibleSteps().getFirst();
		}, response, model, locale);
	}

	@GetMapping("/forms/mine")
	@PreAuthorize("hasAuthority('forms.fill')")
	String mine(Model model, Locale locale, HttpServletResponse response) throws java.io.IOException {
		return views.guarded(() -> {
			model.addAttribute("items", filling.mine().stream().map(s -> {
				FormFilling.Filling f = filling.find(s.id());
				Map<String, Object> item = new HashMap<>();
				item.put("id", s.id());
				item.put("title", f.definition().title().in(locale));
				item.put("reference", s.reference());
				item.put("status", s.status().name());
				item.put("draft", !s.status().sent());
				item.put("updatedAt", s.updatedAt());
				item.put("organisation", s.organisationId() == null ? ""
						: organisations.nameOf(OrganisationId.of(s.organisationId()), locale));
				return item;
			}).toList());
			return "forms/mine";
		}, response, model, locale);
	}

	@GetMapping("/forms/submissions/{id}")
	@PreAuthorize("hasAuthority('forms.fill')")
	String submission(@PathVariable("id") UUID id, Model model, Locale locale, HttpServletResponse response) throws java.io.IOException {
		return views.guarded(() -> {
			FormFilling.Filling f = filling.find(id);
			if (!f.submission().status().sent()) {
				int resume = f.visibleSteps().stream().filter(i -> i >= f.submission().currentStep()).findFirst().orElse(-1);
				return resume < 0 ? "redirect:/forms/submissions/" + id + "/summary"
						: "redirect:/forms/submissions/" + id + "/steps/" + resume;
			}
			model.addAttribute("filling", f);
			model.addAttribute("formTitle", f.definition().title().in(locale));
			model.addAttribute("answers", views.answers(f.definition(), f.answers(), locale));
			model.addAttribute("history", filling.history(id));
			model.addAttribute("organisation", organisations.nameOf(OrganisationId.of(f.submission().organisationId()), locale));
			return "forms/submission";
		}, response, model, locale);
	}

	@GetMapping("/forms/submissions/{id}/steps/{index}")
	@PreAuthorize("hasAuthority('forms.fill')")
	String step(@PathVariable("id") UUID id, @PathVariable("index") int index, Model model, Locale locale, HttpServletResponse response) throws java.io.IOException {
		return views.guarded(() -> {
			FormFilling.Filling f = filling.find(id);
			if (f.submission().status().sent()) {
				return "redirect:/forms/submissions/" + id;
			}
			List<Integer> visible = f.visibleSteps();
			if (!visible.contains(index)) {
				int next = visible.stream().filter(i -> i > index).findFirst().orElse(-1);
				return next < 0 ? "redirect:/forms/submissions/" + id + "/summary"
						: "redirect:/forms/submissions/" + id + "/steps/" + next;
			}
			return render(f, index, null, Map.of(), model, locale);
		}, response, model, locale);
	}

	private String render(FormFilling.Filling f, int index, @Nullable Map<String, List<String>> submitted,
			Map<String, FieldError> errors, Model model, Locale locale) {
		Step step = f.definition().steps().get(index);
		List<Integer> visible = f.visibleSteps();
		int position = visible.indexOf(index);
		model.addAttribute("filling", f);
		model.addAttribute("formTitle", f.definition().title().in(locale));
		model.addAttribute("stepTitle", step.title().in(locale));
		model.addAttribute("index", index);
		model.addAttribute("position", position + 1);
		model.addAttribute("total", visible.size());
		model.addAttribute("previous", position > 0 ? visible.get(position - 1) : null);
		model.addAttribute("fields", views.fields(f.definition(), step, f.answers(), submitted, errors, locale));
		model.addAttribute("errorCount", errors.size());
		model.addAttribute("territoryMap", territoryMap);
		return "forms/step";
	}

	@PostMapping("/forms/submissions/{id}/steps/{index}")
	@PreAuthorize("hasAuthority('forms.fill')")
	String saveStep(@PathVariable("id") UUID id, @PathVariable("index") int index,
			@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) throws java.io.IOException {
		return views.guarded(() -> {
			Map<String, List<String>> values = new LinkedHashMap<>();
			params.forEach((name, list) -> {
				if (name.startsWith("f_")) {
					values.put(name.substring(2), list);
				}
			});
			values.put("lon", params.getOrDefault("lon", List.of()));
			values.put("lat", params.getOrDefault("lat", List.of()));
			Map<String, StepInput.Upload> files = new HashMap<>();
			MultipartHttpServletRequest multipart = org.springframework.web.util.WebUtils.getNativeRequest(request,
					MultipartHttpServletRequest.class);
			if (multipart != null) {
				multipart.getFileMap().forEach((name, file) -> {
					if (name.startsWith("f_") && !file.isEmpty()) {
						files.put(name.substring(2), upload(file));
					}
				});
			}
			FormFilling.StepOutcome outcome = filling.saveStep(id, index, new StepInput(values, files), locale);
			if (!outcome.ok()) {
				response.setStatus(422);
				return render(outcome.filling(), index, values, outcome.errors(), model, locale);
			}
			return outcome.next() < 0 ? "redirect:/forms/submissions/" + id + "/summary"
					: "redirect:/forms/submissions/" + id + "/steps/" + outcome.next();
		}, response, model, locale);
	}

	private static StepInput.Upload upload(MultipartFile file) {
		return new StepInput.Upload(String.valueOf(file.getOriginalFilename()), file.getSize(), file::getBytes);
	}

	@GetMapping("/forms/submissions/{id}/summary")
	@PreAuthorize("hasAuthority('forms.fill')")
	String summary(@PathVariable("id") UUID id, Model model, Locale locale, HttpServletResponse response) throws java.io.IOException {
		return views.guarded(() -> {
			FormFilling.Filling f = filling.find(id);
			if (f.submission().status().sent()) {
				return "redirect:/forms/submissions/" + id;
			}
			return renderSummary(f, null, null, model, locale);
		}, response, model, locale);
	}

	private String renderSummary(FormFilling.Filling f, @Nullable String error, @Nullable String chosen, Model model,
			Locale locale) {
		model.addAttribute("filling", f);
		model.addAttribute("formTitle", f.definition().title().in(locale));
		model.addAttribute("answers", views.answers(f.definition(), f.answers(), locale));
		boolean byAddress = FormDefinition.Routing.ADDRESS.equals(f.definition().routingOrDefault().mode());
		model.addAttribute("byAddress", byAddress);
		model.addAttribute("destinations", filling.destinations(f.form().id())
			.stream()
			.sorted(java.util.Comparator.comparing((Organisation o) -> o.name(locale)))
			.map(o -> Map.of("id", o.id().value(), "name", o.name(locale), "selected", o.id().value().equals(chosen)))
			.toList());
		model.addAttribute("error", error);
		return "forms/summary";
	}

	@PostMapping("/forms/submissions/{id}/submit")
	@PreAuthorize("hasAuthority('forms.fill')")
	String submit(@PathVariable("id") UUID id, @RequestParam(name = "organisation", required = false) @Nullable String organisation,
			HttpServletResponse response, Model model, Locale locale, RedirectAttributes redirect) throws java.io.IOException {
		return views.guarded(() -> {
			try {
				Submission sent = filling.submit(id, organisation, locale);
				redirect.addFlashAttribute("notice", "forms.notice.sent");
				return "redirect:/forms/submissions/" + sent.id();
			}
			catch (FormFilling.SubmissionIncompleteException ex) {
				return "redirect:/forms/submissions/" + id + "/steps/" + ex.step() + "?incomplete";
			}
			catch (FormsException ex) {
				if (ex.status() != 422) {
					throw ex;
				}
				response.setStatus(422);
				return renderSummary(filling.find(id), views.message(ex.messageKey(), List.of(), locale), organisation,
						model, locale);
			}
		}, response, model, locale);
	}

	@PostMapping("/forms/submissions/{id}/delete")
	@PreAuthorize("hasAuthority('forms.fill')")
	String delete(@PathVariable("id") UUID id, RedirectAttributes redirect, HttpServletResponse response, Model model, Locale locale) throws java.io.IOException {
		return views.guarded(() -> {
			filling.deleteDraft(id);
			redirect.addFlashAttribute("notice", "forms.notice.deleted");
			return "redirect:/forms/mine";
		}, response, model, locale);
	}

	@PostMapping("/forms/submissions/{id}/reply")
	@PreAuthorize("hasAuthority('forms.fill')")
	String reply(@PathVariable("id") UUID id, @RequestParam(name = "message", defaultValue = "") String message,
			RedirectAttributes redirect, HttpServletResponse response, Model model, Locale locale) throws java.io.IOException {
		return views.guarded(() -> {
			filling.reply(id, message);
			redirect.addFlashAttribute("notice", "forms.notice.replied");
			return "redirect:/forms/submissions/" + id;
		}, response, model, locale);
	}

	@GetMapping("/forms/submissions/{id}/files/{field}")
	@PreAuthorize("hasAuthority('forms.fill')")
	ResponseEntity<InputStreamResource> file(@PathVariable("id") UUID id, @PathVariable("field") String field)
			throws IOException {
		Answer answer = filling.file(id, field).orElseThrow(() -> new FormsException("forms.error.not-found", 404));
		return download(documents, answer);
	}

	static ResponseEntity<InputStreamResource> download(DocumentManagement documents, Answer answer) throws IOException {
		InputStream content = documents.openBlob(String.valueOf(answer.sha256()));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(String.valueOf(answer.contentType())))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(String.valueOf(answer.filename()), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(content));
	}
}
