package org.orchestra.territory;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orchestra.catalogue.BusinessEntry;
import org.orchestra.catalogue.CatalogueContribution;
import org.orchestra.catalogue.CatalogueService;
import org.orchestra.shared.PublicPaths;
import org.orchestra.shared.RoleContribution;
import org.springframework.stereotype.Component;

/** Territory's place in the catalogue, its privileges and public paths. */
@Component
class TerritoryContributions implements CatalogueContribution, RoleContribution, PublicPaths {

	static final String IMPORT = "territory.import";

	@Override
	public List<CatalogueService> services() {
		return List.of(CatalogueService.open("territory.catalogue.place", BusinessEntry.MANAGE_TERRITORY, "/territory"),
				CatalogueService.privileged("territory.catalogue.imports", BusinessEntry.MANAGE_TERRITORY,
						"/territory/admin", IMPORT));
	}

	@Override
	public Map<String, Set<String>> privilegesByRole() {
		return Map.of(PLATFORM_ADMIN, Set.of(IMPORT));
	}

	@Override
	public List<String> patterns() {
		return List.of("/territory", "/api/territory/**");
	}
}
