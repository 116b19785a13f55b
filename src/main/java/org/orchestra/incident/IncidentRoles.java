package org.orchestra.incident;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orchestra.catalogue.BusinessEntry;
import org.orchestra.catalogue.CatalogueContribution;
import org.orchestra.catalogue.CatalogueService;
import org.orchestra.shared.PublicPaths;
import org.orchestra.shared.RoleContribution;
import org.springframework.stereotype.Component;

/** Privileges of incident reporting, its catalogue entries and public paths. */
@Component
class IncidentRoles implements RoleContribution, CatalogueContribution, PublicPaths {

	/** See the organisation's reports (contractors: only theirs). */
	static final String DESK = "incident.desk";
	/** Handle reports: accept, assign, transfer, merge, close. */
	static final String WORK = "incident.desk.work";
	/** Report directly into the organisation's queue. */
	static final String REPORT_PRO = "incident.report.pro";
	/** Edit the organisation's dispatch matrix. */
	static final String DISPATCH = "incident.dispatch.manage";
	/** Manage Open311 API keys. */
	static final String KEYS = "incident.open311.keys";
	/** Read confidential comments. */
	static final String CONFIDENTIAL = "incident.confidential.read";

	@Override
	public Map<String, Set<String>> privilegesByRole() {
		return Map.of(AGENT, Set.of(DESK, WORK, REPORT_PRO, CONFIDENTIAL), ORG_ADMIN,
				Set.of(DESK, WORK, REPORT_PRO, DISPATCH, CONFIDENTIAL), CONTRACTOR, Set.of(DESK, REPORT_PRO),
				PLATFORM_ADMIN, Set.of(KEYS));
	}

	@Override
	public List<CatalogueService> services() {
		return List.of(
				CatalogueService.open("incident.catalogue.report", BusinessEntry.INTERACT_WITH_CITIZENS, "/incidents/new"),
				CatalogueService.open("incident.catalogue.map", BusinessEntry.MANAGE_TERRITORY, "/incidents"),
				CatalogueService.privileged("incident.catalogue.desk", BusinessEntry.MANAGE_TERRITORY, "/desk/incidents",
						DESK),
				CatalogueService.open("incident.catalogue.open311", BusinessEntry.USE_DATA, "/open311/v2/discovery.json"));
	}

	@Override
	public List<String> patterns() {
		return List.of("/incidents", "/incidents/**", "/open311/**");
	}

	@Override
	public List<String> csrfExemptPatterns() {
		return List.of("/open311/**");
	}
}
