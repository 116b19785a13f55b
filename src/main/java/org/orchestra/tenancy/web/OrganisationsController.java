package org.orchestra.tenancy.web;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.orchestra.tenancy.Organisation;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The public directory of the region's organisations. */
@Controller
@Tag(name = "Tenancy", description = "Organisations of the region")
class OrganisationsController {

	private final OrganisationDirectory directory;

	OrganisationsController(OrganisationDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/organisations")
	String directory(@RequestParam(name = "type", required = false) @Nullable OrganisationType type, Model model) {
		model.addAttribute("types", OrganisationType.values());
		model.addAttribute("type", type);
		model.addAttribute("organisations",
				directory.all().stream().filter(o -> type == null || o.type() == type).toList());
		return "tenancy/organisations";
	}

	@GetMapping(path = "/api/tenancy/organisations", produces = "application/json")
	@ResponseBody
	@Operation(summary = "Every organisation of the region, with FR/NL/EN names")
	List<OrganisationJson> organisations(Locale locale) {
		return directory.all().stream().map(OrganisationJson::of).toList();
	}

	record OrganisationJson(String id, String type, @Nullable String parent, @Nullable String nisCode, String nameFr,
			String nameNl, @Nullable String nameEn) {

		static OrganisationJson of(Organisation o) {
			return new OrganisationJson(o.id().value(), o.type().name(),
					o.parent() == null ? null : o.parent().value(), o.nisCode(), o.name().fr(), o.name().nl(),
					o.name().en());
		}
	}
}
