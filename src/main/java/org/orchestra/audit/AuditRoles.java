package org.orchestra.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orchestra.catalogue.BusinessEntry;
import org.orchestra.catalogue.CatalogueContribution;
import org.orchestra.catalogue.CatalogueService;
import org.orchestra.shared.RoleContribution;
import org.springframework.stereotype.Component;

/** Privileges of the audit module and its place in the catalogue. */
@Component
class AuditRoles implements RoleContribution, CatalogueContribution {

	/** Read the trail of the organisation one acts for. */
	static final String READ = "audit.read";

	/** Read the whole platform's trail. */
	static final String READ_ALL = "audit.read.all";

	/** Verify the integrity of the chain. */
	static final String VERIFY = "audit.verify";

	@Override
	public Map<String, Set<String>> privilegesByRole() {
		return Map.of(ORG_ADMIN, Set.of(READ), AUDITOR, Set.of(READ, READ_ALL, VERIFY), PLATFORM_ADMIN,
				Set.of(READ, READ_ALL, VERIFY));
	}

	@Override
	public List<CatalogueService> services() {
		return List.of(CatalogueService.privileged("audit.catalogue.trail", BusinessEntry.SECURE_IT, "/audit", READ));
	}
}
