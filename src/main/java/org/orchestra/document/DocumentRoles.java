package org.orchestra.document;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orchestra.catalogue.BusinessEntry;
import org.orchestra.catalogue.CatalogueContribution;
import org.orchestra.catalogue.CatalogueService;
import org.orchestra.shared.PublicPaths;
import org.orchestra.shared.RoleContribution;
import org.springframework.stereotype.Component;

/** Privileges of the document module, its catalogue entries and public pages. */
@Component
class DocumentRoles implements RoleContribution, CatalogueContribution, PublicPaths {

	static final String READ = "document.read";
	static final String WRITE = "document.write";

	@Override
	public Map<String, Set<String>> privilegesByRole() {
		return Map.of(AGENT, Set.of(READ, WRITE), ORG_ADMIN, Set.of(READ, WRITE), PLATFORM_ADMIN, Set.of(READ, WRITE));
	}

	@Override
	public List<CatalogueService> services() {
		return List.of(
				CatalogueService.open("document.catalogue.verify", BusinessEntry.INFORM_CITIZENS, "/verify"),
				CatalogueService.privileged("document.catalogue.documents",
						BusinessEntry.OPTIMISE_ADMINISTRATIVE_PROCESSES, "/documents", READ));
	}

	@Override
	public List<String> patterns() {
		return List.of("/verify");
	}
}
