package org.orchestra.forms.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.orchestra.forms.DefinitionProblem;
import org.orchestra.forms.FieldType;
import org.orchestra.forms.Form;
import org.orchestra.forms.FormDefinition;
import org.orchestra.forms.FormDefinition.Condition;
import org.orchestra.forms.FormDefinition.Field;
import org.orchestra.forms.FormDefinition.Option;
import org.orchestra.forms.FormDefinition.Routing;
import org.orchestra.forms.FormDefinition.Step;
import org.orchestra.forms.FormDefinition.Validation;
import org.orchestra.forms.FormDesign;
import org.orchestra.forms.FormRetention;
import org.orchestra.forms.FormsException;
import org.orchestra.forms.InvalidDefinitionException;
import org.orchestra.shared.LocalizedText;
import org.orchestra.territory.TerritoryMap;
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
 * The designer of the region's forms (platform administrators): create a form, add, reorder and remove steps and
 * fields with their conditions and validation, preview, publish; import and export definitions as JSON; run the
 * retention job. Every change is checked as a whole definition before it is stored in the draft.
 */
@Controller
@PreAuthorize("hasAuthority('forms.design')")
class FormsDesignerController {

	private final FormDesign design;
	private final FormRetention retention;
	private final FormViews views;
	private final TerritoryMap territoryMap;

	FormsDesignerController(FormDesign design, FormRetention retention, FormViews views, TerritoryMap territoryMap) {
		this.design = design;
		this.retention = retention;
		this.views = views;
		this.territoryMap = territoryMap;
	}

	@GetMapping("/designer/forms")
	String list(Model model, Locale locale, HttpServletResponse response) throws java.io.IOException {
		return views.guarded(() -> {
			model.addAttribute("forms", design.overview());
			model.addAttribute("locale", locale);
			return "forms/designer-list";
		}, response, model, locale);
	}

	@PostMapping("/designer/forms")
	String create(@RequestParam(name = "key", defaultValue = "") String key,
			@RequestParam(name = "titleFr", defaultValue = "") String titleFr,
			@RequestParam(name = "titleNl", defaultValue = "") String titleNl,
			@RequestParam(name = "titleEn", defaultValue = "") String titleEn, HttpServletResponse response, Model model, Locale locale) throws java.io.IOException {
		return views.guarded(() -> {
			Form form = design.create(key.strip(), text(titleFr, titleNl, titleEn, "title"));
			return "redirect:/designer/forms/" + form.id();
		}, response, model, locale);
	}

	@PostMapping("/designer/forms/import")
	String importDefinition(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(name = "definition", defaultValue = "") String definition, RedirectAttributes redirect,
			HttpServletResponse response, Model model, Locale locale) throws IOException {
		return views.guarded(() -> {
			String text = definition;
			if (file != null && !file.isEmpty()) {
				if (file.getSize() > 1_000_000) {
					throw new InvalidDefinitionException(
							List.of(DefinitionProblem.of("forms.definition.too-large", "")));
				}
				text = new String(file.getBytes(), StandardCharsets.UTF_8);
			}
			Form form = design.importDefinition(text);
			redirect.addFlashAttribute("notice", "forms.notice.imported");
			return "redirect:/designer/forms/" + form.id();
		}, response, model, locale);
	}

	@PostMapping("/designer/forms/retention")
	String runRetention(RedirectAttributes redirect, HttpServletResponse response, Model model, Locale locale) throws java.io.IOException {
		return views.guarded(() -> {
			int erased = retention.run(Instant.now());
			redirect.addFlashAttribute("erased", erased);
			redirect.addFlashAttribute("notice", "forms.notice.retention");
			return "redirect:/designer/forms";
		}, response, model, locale);
	}

	@GetMapping("/designer/forms/{id}")
	String edit(@PathVariable("id") UUID id, Model model, Locale locale, HttpServletResponse response) throws java.io.IOException {
		return views.guarded(() -> {
			FormDesign.Overview overview = design.overview(id);
			model.addAttribute("overview", overview);
			model.addAttribute("definition", overview.current());
			model.addAttribute("locale", locale);
			model.addAttribute("types", FieldType.values());
			model.addAttribute("addressFields", overview.current()
				.fields()
				.stream()
				.filter(f -> f.type() == FieldType.ADDRESS)
				.map(Field::key)
				.toList());
			return "forms/designer-form";
		}, response, model, locale);
	}

	@PostMapping("/designer/forms/{id}/header")
	String header(@PathVariable("id") UUID id, @RequestParam(name = "titleFr", defaultValue = "") String titleFr,
			@RequestParam(name = "titleNl", defaultValue = "") String titleNl,
			@RequestParam(name = "titleEn", defaultValue = "") String titleEn,
			@RequestParam(name = "descriptionFr", defaultValue = "") String descriptionFr,
			@RequestParam(name = "descriptionNl", defaultValue = "") String descriptionNl,
			@RequestParam(name = "descriptionEn", defaultValue = "") String descriptionEn,
			@RequestParam(name = "routing", defaultValue = "CHOSEN") String routing,
			@RequestParam(name = "addressField", defaultValue = "") String addressField,
			@RequestParam(name = "retentionDays", defaultValue = "") String retentionDays, RedirectAttributes redirect, HttpServletResponse response, Model model, Locale locale) throws java.io.IOException {
		return views.guarded(() -> {
			FormDefinition current = design.editable(id);
			LocalizedText description = descriptionFr.isBlank() && descriptionNl.isBlank() ? null
					: text(descriptionFr, descriptionNl, descriptionEn, "description");
			Integer days = integer(retentionDays, "retentionDays");
			design.saveDraft(id, current.withHeader(text(titleFr, titleNl, titleEn, "title"), description,
					new Routing(routing, blank(addressField)), days));
			return saved(id, redirect);
		}, response, model, locale);
	}

	@PostMapping("/designer/forms/{id}/steps")
	String addStep(@PathVariable("id") UUID id, @RequestParam(name = "key", defaultValue = "") String key,
			@RequestParam(name = "titleFr", defaultValue = "") String titleFr,
			@RequestParam(name = "titleNl", defaultValue = "") String titleNl,
			@RequestParam(name = "titleEn", defaultValue = "") String titleEn,
			@RequestParam(name = "conditionField", defaultValue = "") String conditionField,
			@RequestParam(name = "conditionValues", defaultValue = "") String conditionValues,
			@RequestParam(name = "index", defaultValue = "-1") int index, RedirectAttributes redirect, HttpServletResponse response, Model model, Locale locale) throws java.io.IOException {
		return views.guarded(() -> {
			FormDefinition current = design.editable(id);
			List<Step> steps = new ArrayList<>(current.steps());
			Step step = new Step(key.strip(), text(titleFr, titleNl, titleEn, "title"),
					condition(conditionField, conditionValues), index >= 0 && index < steps.size()
							? steps.get(index).fields() : List.of());
			if (index >= 0 && index < steps.size()) {
				steps.set(index, step);
			}
			else {
				steps.add(step);
			}
			design.saveDraft(id, current.withSteps(steps));
			return saved(id, redirect);
		}, response, model, locale);
	}

	@PostMapping("/designer/forms/{id}/steps/{index}/move")
	String moveStep(@PathVariable("id") UUID id, @PathVariable("index") int index,
			@RequestParam(name = "direction", defaultValue = "up") String direction, RedirectAttributes redirect, HttpServletResponse response, Model model, Locale locale) throws java.io.IOException {
		return views.guarded(() -> {
			FormDefinition current = design.editable(id);
			design.saveDraft(id, current.withSteps(move(current.steps(), index, direction)));
			return saved(id, redirect);
		}, response, model, locale);
	}

	@PostMapping("/designer/forms/{id}/steps/{index}/remove")
	String removeStep(@PathVariable("id") UUID id, @PathVariable("index") int index, RedirectAttributes redirect, HttpServletResponse response, Model model, Locale locale) throws java.io.IOException {
		return views.guarded(() -> {
			FormDefinition current = design.editable(id);
			List<Step> steps = new ArrayList<>(current.steps());
			check(index, steps.size());
			steps.remove(index);
			design.saveDraft(id, current.withSteps(steps));
			return saved(id, redirect);
		}, response, model, locale);
	}

	@GetMapping("/designer/forms/{id}/steps/{index}/fields/new")
	String newField(@PathVariable("id") UUID id, @PathVariable("index") int index, Model model, Locale locale, HttpServletResponse response) throws java.io.IOException {
		return views.guarded(() -> {
			FormDefinition current = design.editable(id);
			check(index, current.steps().size());
			return fieldPage(id, index, null, current, model, locale);
		}, response, model, locale);
	}

	@GetMapping("/designer/forms/{id}/steps/{index}/fields/{field}")
	String editField(@PathVariable("id") UUID id, @PathVariable("index") int index,
			@PathVariable("field") String field, Model model, Locale locale, HttpServletResponse response) throws java.io.IOException {
		return views.guarded(() -> {
			FormDefinition current = design.editable(id);
			check(index, current.steps().size());
			Field existing = current.steps()
				.get(index)
				.fields()
				.stream()
				.filter(f -> f.key().equals(field))
				.findFirst()
				.orElseThrow(() -> new FormsException("forms.error.not-found", 404));
			return fieldPage(id, index, existing, current, model, locale);
		}, response, model, locale);
	}

	private String fieldPage(UUID id, int index, @Nullable Field field, FormDefinition current, Model model,
			Locale locale) {
		model.addAttribute("formId", id);
		model.addAttribute("index", index);
		model.addAttribute("field", field);
		model.addAttribute("formTitle", current.title().in(locale));
		model.addAttribute("stepTitle", current.steps().get(index).title().in(locale));
		model.addAttribute("types", FieldType.values());
		model.addAttribute("options", field == null ? "" : String.join("\n", field.options()
			.stream()
			.map(o -> o.value() + "|" + o.label().fr() + "|" + o.label().nl() + "|"
					+ (o.label().en() == null ? "" : o.label().en()))
			.toList()));
		Validation rules = field == null ? Validation.NONE : field.rules();
		model.addAttribute("rules", rules);
		model.addAttribute("fileTypes", rules.fileTypes() == null ? "" : String.join(",", rules.fileTypes()));
		model.addAttribute("conditionValues", field == null || field.condition() == null ? ""
				: String.join(",", field.condition().values()));
		return "forms/designer-field";
	}

	@PostMapping("/designer/forms/{id}/steps/{index}/fields")
	String saveField(@PathVariable("id") UUID id, @PathVariable("index") int index,
			@RequestParam(name = "original", defaultValue = "") String original,
			@RequestParam(name = "key", defaultValue = "") String key,
			@RequestParam(name = "type", defaultValue = "") String type,
			@RequestParam(name = "labelFr", defaultValue = "") String labelFr,
			@RequestParam(name = "labelNl", defaultValue = "") String labelNl,
			@RequestParam(name = "labelEn", defaultValue = "") String labelEn,
			@RequestParam(name = "helpFr", defaultValue = "") String helpFr,
			@RequestParam(name = "helpNl", defaultValue = "") String helpNl,
			@RequestParam(name = "helpEn", defaultValue = "") String helpEn,
			@RequestParam(name = "required", defaultValue = "false") boolean required,
			@RequestParam(name = "personal", defaultValue = "false") boolean personal,
			@RequestParam(name = "options", defaultValue = "") String options,
			@RequestParam(name = "min", defaultValue = "") String min,
			@RequestParam(name = "max", defaultValue = "") String max,
			@RequestParam(name = "integer", defaultValue = "false") boolean integer,
			@RequestParam(name = "minLength", defaultValue = "") String minLength,
			@RequestParam(name = "maxLength", defaultValue = "") String maxLength,
			@RequestParam(name = "pattern", defaultValue = "") String pattern,
			@RequestParam(name = "minDate", defaultValue = "") String minDate,
			@RequestParam(name = "maxDate", defaultValue = "") String maxDate,
			@RequestParam(name = "dateRange", defaultValue = "") String dateRange,
			@RequestParam(name = "fileTypes", defaultValue = "") String fileTypes,
			@RequestParam(name = "maxSizeKb", defaultValue = "") String maxSizeKb,
			@RequestParam(name = "conditionField", defaultValue = "") String conditionField,
			@RequestParam(name = "conditionValues", defaultValue = "") String conditionValues,
			RedirectAttributes redirect, HttpServletResponse response, Model model, Locale locale) throws java.io.IOException {
		return views.guarded(() -> {
			FormDefinition current = design.editable(id);
			check(index, current.steps().size());
			FieldType fieldType;
			try {
				fieldType = FieldType.valueOf(type);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidDefinitionException(
						List.of(DefinitionProblem.of("forms.definition.unknown-type", key, type)));
			}
			Validation validation = new Validation(decimal(min, "min"), decimal(max, "max"), integer ? Boolean.TRUE : null,
					integer(minLength, "minLength"), integer(maxLength, "maxLength"), blank(pattern), date(minDate, "minDate"),
					date(maxDate, "maxDate"), blank(dateRange),
					fileTypes.isBlank() ? null : Arrays.stream(fileTypes.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
					integer(maxSizeKb, "maxSizeKb"));
			Field field = new Field(key.strip(), fieldType, text(labelFr, labelNl, labelEn, "label"),
					helpFr.isBlank() && helpNl.isBlank() ? null : text(helpFr, helpNl, helpEn, "help"), required, personal,
					validation.empty() ? null : validation, options(options), condition(conditionField, conditionValues));
			List<Step> steps = new ArrayList<>(current.steps());
			Step step = steps.get(index);
			List<Field> fields = new ArrayList<>(step.fields());
			int position = -1;
			for (int i = 0; i < fields.size(); i++) {
				if (fields.get(i).key().equals(original)) {
					position = i;
				}
			}
			if (position >= 0) {
				fields.set(position, field);
			}
			else {
				fields.add(field);
			}
			steps.set(index, step.withFields(fields));
			design.saveDraft(id, current.withSteps(steps));
			return saved(id, redirect);
		}, response, model, locale);
	}

	@PostMapping("/designer/forms/{id}/steps/{index}/fields/{field}/move")
	String moveField(@PathVariable("id") UUID id, @PathVariable("index") int index,
			@PathVariable("field") String field, @RequestParam(name = "direction", defaultValue = "up") String direction,
			RedirectAttributes redirect, HttpServletResponse response, Model model, Locale locale) throws java.io.IOException {
		return views.guarded(() -> {
			FormDefinition current = design.editable(id);
			check(index, current.steps().size());
			List<Step> steps = new ArrayList<>(current.steps());
			Step step = steps.get(index);
			int position = indexOf(step, field);
			steps.set(index, step.withFields(move(step.fields(), position, direction)));
			design.saveDraft(id, current.withSteps(steps));
			return saved(id, redirect);
		}, response, model, locale);
	}

	@PostMapping("/designer/forms/{id}/steps/{index}/fields/{field}/remove")
	String removeField(@PathVariable("id") UUID id, @PathVariable("index") int index,
			@PathVariable("field") String field, RedirectAttributes redirect, HttpServletResponse response, Model model, Locale locale) throws java.io.IOException {
		return views.guarded(() -> {
			FormDefinition current = design.editable(id);
			check(index, current.steps().size());
			List<Step> steps = new ArrayList<>(current.steps());
			Step step = steps.get(index);
			List<Field> fields = new ArrayList<>(step.fields());
			fields.remove(indexOf(step, field));
			steps.set(index, step.withFields(fields));
			design.saveDraft(id, current.withSteps(steps));
			return saved(id, redirect);
		}, response, model, locale);
	}

	@GetMapping("/designer/forms/{id}/preview")
	String preview(@PathVariable("id") UUID id, Model model, Locale locale, HttpServletResponse response) throws java.io.IOException {
		return views.guarded(() -> {
			FormDefinition definition = design.editable(id);
			model.addAttribute("formTitle", definition.title().in(locale));
			model.addAttribute("description", views.text(definition.description(), locale));
			model.addAttribute("formId", id);
			List<Map<String, Object>> steps = new ArrayList<>();
			for (Step step : definition.steps()) {
				steps.add(Map.of("title", step.title().in(locale), "conditional", step.condition() != null, "fields",
						views.fields(definition, step.withFields(step.fields()
							.stream()
							.map(f -> new Field(f.key(), f.type(), f.label(), f.help(), f.required(), f.personal(),
									f.validation(), f.options(), null))
							.toList()), Map.of(), null, Map.of(), locale)));
			}
			model.addAttribute("steps", steps);
			model.addAttribute("territoryMap", territoryMap);
			return "forms/designer-preview";
		}, response, model, locale);
	}

	@PostMapping("/designer/forms/{id}/publish")
	String publish(@PathVariable("id") UUID id, RedirectAttributes redirect, HttpServletResponse response, Model model, Locale locale) throws java.io.IOException {
		return views.guarded(() -> {
			design.publish(id);
			redirect.addFlashAttribute("notice", "forms.notice.published");
			return "redirect:/designer/forms/" + id;
		}, response, model, locale);
	}

	@PostMapping("/designer/forms/{id}/discard")
	String discard(@PathVariable("id") UUID id, RedirectAttributes redirect, HttpServletResponse response, Model model, Locale locale) throws java.io.IOException {
		return views.guarded(() -> {
			design.discardDraft(id);
			redirect.addFlashAttribute("notice", "forms.notice.discarded");
			return "redirect:/designer/forms/" + id;
		}, response, model, locale);
	}

	@GetMapping("/designer/forms/{id}/export.json")
	ResponseEntity<String> export(@PathVariable("id") UUID id,
			@RequestParam(name = "version", required = false) @Nullable Integer version) {
		String json = design.export(id, version);
		String key = design.overview(id).form().key();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(key + (version == null ? "" : "-v" + version) + ".json").build().toString())
			.body(json);
	}

	// --- helpers --------------------------------------------------------------------------------------

	private static String saved(UUID id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", "forms.notice.saved");
		return "redirect:/designer/forms/" + id;
	}

	private static void check(int index, int size) {
		if (index < 0 || index >= size) {
			throw new FormsException("forms.error.not-found", 404);
		}
	}

	private static int indexOf(Step step, String field) {
		for (int i = 0; i < step.fields().size(); i++) {
			if (step.fields().get(i).key().equals(field)) {
				return i;
			}
		}
		throw new FormsException("forms.error.not-found", 404);
	}

	private static <T> List<T> move(List<T> items, int index, String direction) {
		check(index, items.size());
		List<T> moved = new ArrayList<>(items);
		int target = "down".equals(direction) ? index + 1 : index - 1;
		if (target >= 0 && target < moved.size()) {
			T item = moved.remove(index);
			moved.add(target, item);
		}
		return moved;
	}

	private static LocalizedText text(String fr, String nl, String en, String where) {
		if (fr.isBlank() || nl.isBlank() || fr.length() > 2000 || nl.length() > 2000 || en.length() > 2000) {
			throw new InvalidDefinitionException(List.of(DefinitionProblem.of("forms.definition.text-missing", where, where)));
		}
		return LocalizedText.of(fr.strip(), nl.strip(), en.strip());
	}

	private static @Nullable String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static @Nullable Condition condition(String field, String values) {
		if (field.isBlank()) {
			return null;
		}
		return new Condition(field.strip(), Arrays.stream(values.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList());
	}

	private static List<Option> options(String text) {
		List<Option> options = new ArrayList<>();
		for (String line : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("\\|", -1);
			if (parts.length < 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
				throw new InvalidDefinitionException(List.of(DefinitionProblem.of("forms.definition.bad-option", "options", "options")));
			}
			options.add(new Option(parts[0].strip(),
					LocalizedText.of(parts[1].strip(), parts[2].strip(), parts.length > 3 ? parts[3].strip() : null)));
		}
		return options;
	}

	private static @Nullable BigDecimal decimal(String value, String where) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.strip().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			throw new InvalidDefinitionException(List.of(DefinitionProblem.of("forms.definition.bad-value", where, value)));
		}
	}

	private static @Nullable Integer integer(String value, String where) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidDefinitionException(List.of(DefinitionProblem.of("forms.definition.bad-value", where, value)));
		}
	}

	private static @Nullable LocalDate date(String value, String where) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidDefinitionException(List.of(DefinitionProblem.of("forms.definition.bad-value", where, value)));
		}
	}
}
