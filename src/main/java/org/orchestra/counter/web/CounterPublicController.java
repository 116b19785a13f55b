package org.orchestra.counter.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.orchestra.counter.CounterException;
import org.orchestra.counter.CounterRequests;
import org.orchestra.counter.DocumentCatalogue;
import org.orchestra.counter.DocumentType;
import org.orchestra.counter.Offering;
import org.orchestra.counter.Theme;
import org.orchestra.identity.CurrentUser;
import org.orchestra.shared.KnowledgeContribution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The counter as everyone sees it: the most requested documents of the moment, browsing by theme, search across
 * the counter's documents and the other services' content, and each document's page with the terms of the
 * resident's commune.
 */
@Controller
class CounterPublicController {

	private final DocumentCatalogue catalogue;
	private final CounterRequests residents;
	private final CurrentUser currentUser;
	private final ObjectProvider<KnowledgeContribution> knowledge;

	CounterPublicController(DocumentCatalogue catalogue, CounterRequests residents, CurrentUser currentUser,
			ObjectProvider<KnowledgeContribution> knowledge) {
		this.catalogue = catalogue;
		this.residents = residents;
		this.currentUser = currentUser;
		this.knowledge = knowledge;
	}

	@GetMapping("/counter")
	String home(Model model) {
		model.addAttribute("popular", catalogue.mostRequested(6));
		model.addAttribute("themes", Theme.values());
		return "counter/home";
	}

	@GetMapping("/counter/themes/{theme}")
	String theme(@PathVariable String theme, Model model) {
		Theme chosen = Arrays.stream(Theme.values()).filter(t -> t.name().equalsIgnoreCase(theme)).findFirst()
				.orElseThrow(() -> new CounterException("counter.error.unknown-theme", 404));
		model.addAttribute("theme", chosen);
		model.addAttribute("themes", Theme.values());
		model.addAttribute("documents", catalogue.byTheme(chosen));
		return "counter/theme";
	}

	@GetMapping("/counter/documents/{code}")
	String document(@PathVariable String code, Model model) {
		DocumentType type = catalogue.require(code);
		Offering.Terms terms = Offering.Terms.defaults(type);
		String commune = null;
		if (currentUser.hasPrivilege("counter.request")) {
			try {
				var resident = residents.resident();
				var organisation = residents.communeOf(resident);
				terms = catalogue.terms(organisation, type);
				commune = organisation.value();
			}
			catch (CounterException ex) {
				// Not in the register: the catalogue's default terms are shown.
			}
		}
		model.addAttribute("type", type);
		model.addAttribute("terms", terms);
		model.addAttribute("commune", commune);
		return "counter/document";
	}

	/** One search hit: a document of the counter or content of another service. */
	record Hit(String title, String text, String link) {
	}

	@GetMapping("/counter/search")
	String search(@RequestParam(name = "q", required = false) @Nullable String q, Model model, Locale locale) {
		String query = q == null ? "" : q.strip();
		if (query.length() > 200) {
			query = query.substring(0, 200);
		}
		List<Hit> hits = new ArrayList<>();
		for (DocumentType type : catalogue.search(query)) {
			hits.add(new Hit(type.title(locale), type.description().in(locale), "/counter/documents/" + type.code()));
		}
		List<String> words = DocumentCatalogue.words(query);
		if (!words.isEmpty()) {
			knowledge.orderedStream().filter(k -> !(k instanceof DocumentCatalogue))
				.flatMap(k -> k.knowledge().stream())
				.filter(e -> e.organisationCode() == null)
				.filter(e -> DocumentCatalogue.matchesAll(words,
						e.title().all() + " " + e.text().all() + " " + String.join(" ", e.keywords())))
				.limit(20)
				.forEach(e -> hits.add(new Hit(e.title().in(locale), e.text().in(locale), e.link())));
		}
		model.addAttribute("q", query);
		model.addAttribute("hits", hits);
		model.addAttribute("themes", Theme.values());
		return "counter/search";
	}
}
