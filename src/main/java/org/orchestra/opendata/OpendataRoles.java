package org.orchestra.opendata;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orchestra.catalogue.BusinessEntry;
import org.orchestra.catalogue.CatalogueContribution;
import org.orchestra.catalogue.CatalogueService;
import org.orchestra.shared.PublicPaths;
import org.orchestra.shared.RoleContribution;
import org.springframework.stereotype.Component;

/** Privileges of the open-data portal, its catalogue entries and public paths. */
@Component
class OpendataRoles implements RoleContribution, CatalogueContribution, PublicPaths {

	/** Create, edit and withdraw the organisation's own datasets. */
	static final String PUBLISH = "opendata.dataset.publish";
	/** Manage the organisation's harvest sources, run them and read their reports. */
	static final String HARVEST = "opendata.harvest.manage";
	/** Read usage statistics and quality of the organisation's datasets. */
	static final String STATISTICS = "opendata.statistics";

	@Override
	public Map<String, Set<String>> privilegesByRole() {
		return Map.of(AGENT, Set.of(PUBLISH, STATISTICS), ORG_ADMIN, Set.of(PUBLISH, HARVEST, STATISTICS), AUDITOR,
				Set.of(STATISTICS), PLATFORM_ADMIN, Set.of(HARVEST, STATISTICS));
	}

	@Override
	public List<CatalogueService> services() {
		return List.of(CatalogueService.open("opendata.catalogue.portal", BusinessEntry.USE_DATA, "/opendata"),
				CatalogueService.privileged("opendata.catalogue.publish", BusinessEntry.HOST_DATA,
						"/opendata/manage", PUBLISH),
				CatalogueService.privileged("opendata.catalogue.harvest", BusinessEntry.HOST_DATA,
						"/opendata/harvest", HARVEST));
	}

	/**
	 * The portal, its demo files, the DCAT-AP catalogue and the CKAN-compatible read API are open to everyone.
	 */
	@Override
	public List<String> patterns() {
		return List.of("/opendata", "/opendata/datasets/**", "/opendata/publishers", "/opendata/publishers/**",
				"/opendata/demo/**", "/opendata/catalog", "/opendata/catalog/**", "/opendata/catalog.ttl",
				"/opendata/catalog.rdf", "/opendata/catalog.jsonld", "/opendata/catalog.nt", "/api/3/action/**");
	}

	/** The CKAN-compatible read API answers POSTed actions as CKAN clients send them; none of them writes. */
	@Override
	public List<String> csrfExemptPatterns() {
		return List.of("/api/3/action/**");
	}
}
