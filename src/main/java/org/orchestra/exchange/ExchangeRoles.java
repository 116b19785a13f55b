package org.orchestra.exchange;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orchestra.catalogue.BusinessEntry;
import org.orchestra.catalogue.CatalogueContribution;
import org.orchestra.catalogue.CatalogueService;
import org.orchestra.shared.PublicPaths;
import org.orchestra.shared.RoleContribution;
import org.springframework.stereotype.Component;

/** Privileges of the exchange module, its catalogue entries and the paths that authenticate by token. */
@Component
class ExchangeRoles implements RoleContribution, CatalogueContribution, PublicPaths {

	/** The integrator's team. */
	static final String ADMIN = "exchange.admin";
	/** A partner administration's administrators. */
	static final String PARTNER = "exchange.partner";

	@Override
	public Map<String, Set<String>> privilegesByRole() {
		return Map.of(PLATFORM_ADMIN, Set.of(ADMIN, PARTNER), ORG_ADMIN, Set.of(PARTNER));
	}

	@Override
	public List<CatalogueService> services() {
		return List.of(CatalogueService.privileged("exchange.catalogue.partner", BusinessEntry.USE_DATA,
				"/exchange/partner", PARTNER),
				CatalogueService.privileged("exchange.catalogue.admin", BusinessEntry.SECURE_IT, "/exchange/admin", ADMIN));
	}

	/** The gateway, its token endpoint and the demo sources authenticate each call themselves. */
	@Override
	public List<String> patterns() {
		return List.of("/exchange/v1/**", "/exchange/oauth/token", "/exchange/demo-sources/**");
	}

	@Override
	public List<String> csrfExemptPatterns() {
		return List.of("/exchange/v1/**", "/exchange/oauth/token");
	}
}
