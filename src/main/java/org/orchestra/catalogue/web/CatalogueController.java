package org.orchestra.catalogue.web;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.orchestra.catalogue.ServiceCatalogue;
import org.orchestra.catalogue.ServiceCatalogue.ServiceView;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The home page (the regional service catalogue), its search, and the catalogue as JSON. */
@Controller
class CatalogueController {

	private final ServiceCatalogue catalogue;

	CatalogueController(ServiceCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/")
	String home(@Nullable Authentication user, Locale locale, Model model) {
		model.addAttribute("pillars", catalogue.view(user, locale));
		return "catalogue/home";
	}

	@GetMapping("/search")
	String search(@RequestParam(name = "q", defaultValue = "") String query, @Nullable Authentication user,
			Locale locale, Model model) {
		String trimmed = query.length() > 200 ? query.substring(0, 200) : query.trim();
		model.addAttribute("query", trimmed);
		model.addAttribute("results", trimmed.isEmpty() ? List.of() : catalogue.search(trimmed, user, locale));
		return "catalogue/search";
	}

	@GetMapping(path = "/api/catalogue/services", produces = "application/json")
	@ResponseBody
	List<ServiceJson> services(@RequestParam(name = "q", required = false) @Nullable String query,
			@Nullable Authentication user, Locale locale) {
		List<ServiceView> views = query == null || query.isBlank()
				? catalogue.view(user, locale)
					.stream()
					.flatMap(p -> p.entries().stream())
					.flatMap(e -> e.services().stream())
					.toList()
				: catalogue.search(query, user, locale);
		return views.stream()
			.map(v -> new ServiceJson(v.service().key(), v.service().entry().pillar().key(),
					v.service().entry().key(), v.name(), v.description(), v.service().href(), v.access().name()))
			.toList();
	}

	record ServiceJson(String id, String pillar, String entry, String name, String description, String href,
			String access) {
	}
}
