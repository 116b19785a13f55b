package org.orchestra.opendata.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.orchestra.identity.CurrentUser;
import org.orchestra.opendata.Dataset;
import org.orchestra.opendata.DatasetDraft;
import org.orchestra.opendata.DatasetUsage;
import org.orchestra.opendata.OpendataException;
import org.orchestra.opendata.Origin;
import org.orchestra.opendata.Publisher;
import org.orchestra.opendata.PublisherDesk;
import org.orchestra.opendata.Vocabularies;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The publishers' desk: the organisation's datasets with their quality and use, and the form to create, edit and
 * withdraw the ones authored here (harvested ones are shown read-only). Another organisation's datasets are not
 * found (404).
 */
@Controller
class PublisherDeskController {

	static final String PUBLISH = "hasAuthority('opendata.dataset.publish')";

	private final PublisherDesk desk;
	private final DatasetUsage usage;
	private final CurrentUser currentUser;
	private final MessageSource messages;

	PublisherDeskController(PublisherDesk desk, DatasetUsage usage, CurrentUser currentUser, MessageSource messages) {
		this.desk = desk;
		this.usage = usage;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	private Labels labels(Locale locale) {
		Map<String, Publisher> publishers = new LinkedHashMap<>();
		desk.publisher().ifPresent(p -> publishers.put(p.id(), p));
		return new Labels(messages, locale, publishers);
	}

	@GetMapping("/opendata/manage")
	@PreAuthorize(PUBLISH)
	String list(@RequestParam(name = "page", required = false) @Nullable String page, Model model, Locale locale,
			HttpServletResponse response) {
		return PortalController.guarded(model, response, () -> {
			int number = PortalController.pageNumber(page == null ? "" : page.strip());
			PublisherDesk.Page found = desk.datasets(number - 1);
			boolean statistics = currentUser.hasPrivilege("opendata.statistics");
			model.addAttribute("found", found);
			model.addAttribute("page", number);
			model.addAttribute("labels", labels(locale));
			model.addAttribute("statistics", statistics);
			if (statistics) {
				Map<UUID, DatasetUsage.Summary> byDataset = usage
					.byDataset(found.datasets().stream().map(Dataset::id).toList());
				model.addAttribute("usage", byDataset);
				model.addAttribute("total", usage.ofOrganisation(desk.organisationId()));
			}
			return "opendata/manage";
		});
	}

	/** The use of each of the organisation's datasets, month by month over the last twelve months, as CSV. */
	@GetMapping(path = "/opendata/manage/statistics.csv", produces = "text/csv")
	@PreAuthorize("hasAuthority('opendata.statistics')")
	ResponseEntity<byte[]> statisticsCsv() {
		StringBuilder csv = new StringBuilder("dataset,title,status,month,views,downloads,visitors\r\n");
		for (int page = 0;; page++) {
			PublisherDesk.Page found = desk.datasets(page);
			Map<UUID, DatasetUsage.Summary> byDataset = usage
				.byDataset(found.datasets().stream().map(Dataset::id).toList());
			for (Dataset dataset : found.datasets()) {
				for (DatasetUsage.Month month : byDataset.get(dataset.id()).months()) {
					csv.append(dataset.slug()).append(',').append(csvText(dataset.titleIn("fr"))).append(',')
						.append(dataset.status()).append(',').append(month.month()).append(',').append(month.views())
						.append(',').append(month.downloads()).append(',').append(month.visitors()).append("\r\n");
				}
			}
			if (page + 1 >= found.pages()) {
				break;
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("opendata-usage.csv").build().toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** A CSV field: quoted, with quotes doubled, and never read as a formula by a spreadsheet. */
	static String csvText(String value) {
		String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

	@GetMapping("/opendata/manage/new")
	@PreAuthorize(PUBLISH)
	String newForm(Model model, Locale locale) {
		DatasetForm form = new DatasetForm();
		form.tidyRows(false);
		return form(model, locale, form, null, Map.of());
	}

	@PostMapping("/opendata/manage/new")
	@PreAuthorize(PUBLISH)
	String create(@ModelAttribute("form") DatasetForm form,
			@RequestParam(name = "action", required = false) @Nullable String action, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		return PortalController.guarded(model, response, () -> {
			boolean addRow = "add-row".equals(action);
			form.tidyRows(addRow);
			Map<String, String> problems = problems(form);
			if (addRow || !problems.isEmpty()) {
				if (!addRow) {
					response.setStatus(HttpStatus.BAD_REQUEST.value());
				}
				return form(model, locale, form, null, addRow ? Map.of() : problems);
			}
			Dataset created = desk.create(form.toDraft());
			redirect.addFlashAttribute("notice", "opendata.desk.created");
			return "redirect:/opendata/manage/datasets/" + created.slug();
		});
	}

	@GetMapping("/opendata/manage/datasets/{slug}")
	@PreAuthorize(PUBLISH)
	String edit(@PathVariable("slug") String slug, Model model, Locale locale, HttpServletResponse response) {
		return PortalController.guarded(model, response, () -> {
			Dataset dataset = mine(slug);
			DatasetForm form = DatasetForm.of(dataset);
			form.tidyRows(false);
			return form(model, locale, form, dataset, Map.of());
		});
	}

	@PostMapping("/opendata/manage/datasets/{slug}")
	@PreAuthorize(PUBLISH)
	String update(@PathVariable("slug") String slug, @ModelAttribute("form") DatasetForm form,
			@RequestParam(name = "action", required = false) @Nullable String action, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		return PortalController.guarded(model, response, () -> {
			Dataset dataset = mine(slug);
			if (dataset.origin() != Origin.LOCAL) {
				throw new OpendataException("opendata.error.harvested-read-only", 409);
			}
			boolean addRow = "add-row".equals(action);
			form.tidyRows(addRow);
			Map<String, String> problems = problems(form);
			if (addRow || !problems.isEmpty()) {
				if (!addRow) {
					response.setStatus(HttpStatus.BAD_REQUEST.value());
				}
				return form(model, locale, form, dataset, addRow ? Map.of() : problems);
			}
			desk.update(slug, form.toDraft());
			redirect.addFlashAttribute("notice", "opendata.desk.saved");
			return "redirect:/opendata/manage/datasets/" + slug;
		});
	}

	@PostMapping("/opendata/manage/datasets/{slug}/withdraw")
	@PreAuthorize(PUBLISH)
	String withdraw(@PathVariable("slug") String slug, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return PortalController.guarded(model, response, () -> {
			desk.withdraw(slug);
			redirect.addFlashAttribute("notice", "opendata.desk.withdrawn");
			return "redirect:/opendata/manage";
		});
	}

	private Dataset mine(String slug) {
		return desk.dataset(slug).orElseThrow(() -> new OpendataException("opendata.error.not-found", 404));
	}

	private static Map<String, String> problems(DatasetForm form) {
		Map<String, String> problems = new LinkedHashMap<>(form.parseProblems());
		form.toDraft().problems().forEach(problems::putIfAbsent);
		return problems;
	}

	private String form(Model model, Locale locale, DatasetForm form, @Nullable Dataset dataset,
			Map<String, String> problems) {
		model.addAttribute("form", form);
		model.addAttribute("dataset", dataset);
		model.addAttribute("readOnly", dataset != null && dataset.origin() != Origin.LOCAL);
		model.addAttribute("problems", problems);
		model.addAttribute("labels", labels(locale));
		model.addAttribute("themes", Vocabularies.THEMES);
		model.addAttribute("licences", DatasetDraft.LICENCES);
		model.addAttribute("accessRights", DatasetDraft.ACCESS_RIGHTS);
		model.addAttribute("frequencies", DatasetDraft.FREQUENCIES);
		model.addAttribute("formats", DatasetDraft.FORMATS);
		model.addAttribute("languages", List.of("fr", "nl", "en"));
		if (dataset != null) {
			model.addAttribute("fixes", desk.fixes(dataset));
			if (currentUser.hasPrivilege("opendata.statistics")) {
				model.addAttribute("datasetUsage", usage.ofDataset(dataset.id()));
			}
		}
		return "opendata/manage-form";
	}
}
