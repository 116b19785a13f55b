package org.orchestra.operations;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orchestra.catalogue.BusinessEntry;
import org.orchestra.catalogue.CatalogueContribution;
import org.orchestra.catalogue.CatalogueService;
import org.orchestra.shared.PublicPaths;
import org.orchestra.shared.RoleContribution;
import org.springframework.stereotype.Component;

/**
 * Probes and API documentation are public; metrics need the {@code operations.metrics.read} privilege (a
 * monitoring account signs in with HTTP Basic).
 */
@Component
class OperationsContributions implements PublicPaths, RoleContribution, CatalogueContribution {

	static final String METRICS = "operations.metrics.read";

	@Override
	public List<String> patterns() {
		return List.of("/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**",
				"/swagger-ui.html", "/swagger-ui/**", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
				"/error");
	}

	@Override
	public Map<String, Set<String>> privilegesByRole() {
		return Map.of(PLATFORM_ADMIN, Set.of(METRICS), AUDITOR, Set.of(METRICS));
	}

	@Override
	public List<CatalogueService> services() {
		return List.of(CatalogueService.open("operations.catalogue.api", BusinessEntry.USE_DATA, "/swagger-ui.html"),
				CatalogueService.open("operations.catalogue.health", BusinessEntry.HOST_DATA, "/actuator/health"));
	}
}
