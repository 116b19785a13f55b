package org.orchestra.tenancy;

import java.util.List;

import org.orchestra.catalogue.BusinessEntry;
import org.orchestra.catalogue.CatalogueContribution;
import org.orchestra.catalogue.CatalogueService;
import org.orchestra.shared.PublicPaths;
import org.springframework.stereotype.Component;

/** The directory of organisations is public. */
@Component
class TenancyContributions implements CatalogueContribution, PublicPaths {

	@Override
	public List<CatalogueService> services() {
		return List.of(CatalogueService.open("tenancy.catalogue.directory", BusinessEntry.INFORM_CITIZENS,
				"/organisations"));
	}

	@Override
	public List<String> patterns() {
		return List.of("/organisations", "/api/tenancy/organisations");
	}
}
