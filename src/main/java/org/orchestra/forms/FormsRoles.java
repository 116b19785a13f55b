package org.orchestra.forms;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orchestra.catalogue.BusinessEntry;
import org.orchestra.catalogue.CatalogueContribution;
import org.orchestra.catalogue.CatalogueService;
import org.orchestra.shared.PublicPaths;
import org.orchestra.shared.RoleContribution;
import org.springframework.stereotype.Component;

/** Privileges of online forms, their catalogue entries and public paths. */
@Component
class FormsRoles implements RoleContribution, CatalogueContribution, PublicPaths {

	/** Fill and send forms, follow one's own submissions. */
	static final String FILL = "forms.fill";
	/** See and handle the submissions sent to the organisation. */
	static final String DESK = "forms.desk";
	/** Choose which forms the organisation offers. */
	static final String OFFERING = "forms.offering";
	/** Design, publish, import and export the region's forms; run the retention job. */
	static final String DESIGN = "forms.design";

	@Override
	public Map<String, Set<String>> privilegesByRole() {
		return Map.of(CITIZEN, Set.of(FILL), AGENT, Set.of(DESK), ORG_ADMIN, Set.of(DESK, OFFERING), PLATFORM_ADMIN,
				Set.of(DESIGN));
	}

	@Override
	public List<CatalogueService> services() {
		return List.of(CatalogueService.open("forms.catalogue.forms", BusinessEntry.INTERACT_WITH_CITIZENS, "/forms"),
				CatalogueService.privileged("forms.catalogue.mine", BusinessEntry.INTERACT_WITH_CITIZENS, "/forms/mine",
						FILL),
				CatalogueService.privileged("forms.catalogue.desk", BusinessEntry.OPTIMISE_ADMINISTRATIVE_PROCESSES,
						"/desk/forms", DESK),
				CatalogueService.privileged("forms.catalogue.offering",
						BusinessEntry.OPTIMISE_ADMINISTRATIVE_PROCESSES, "/desk/forms/offering", OFFERING),
				CatalogueService.privileged("forms.catalogue.designer",
						BusinessEntry.OPTIMISE_ADMINISTRATIVE_PROCESSES, "/designer/forms", DESIGN));
	}

	@Override
	public List<String> patterns() {
		return List.of("/forms", "/forms/*", "/api/forms/definitions", "/api/forms/definitions/*");
	}
}
