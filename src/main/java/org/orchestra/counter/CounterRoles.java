package org.orchestra.counter;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orchestra.catalogue.BusinessEntry;
import org.orchestra.catalogue.CatalogueContribution;
import org.orchestra.catalogue.CatalogueService;
import org.orchestra.shared.PublicPaths;
import org.orchestra.shared.RoleContribution;
import org.springframework.stereotype.Component;

/** Privileges of the e-counter, its catalogue entries and public paths. */
@Component
class CounterRoles implements RoleContribution, CatalogueContribution, PublicPaths {

	/** Request documents, declare an address change and follow one's own requests. */
	static final String REQUEST = "counter.request";
	/** See the commune's queue of requests and address changes. */
	static final String DESK = "counter.desk";
	/** Handle requests: assign, answer, change status, deliver, decide address changes. */
	static final String WORK = "counter.desk.work";
	/** Choose the commune's offering and manage answer templates. */
	static final String MANAGE = "counter.manage";

	@Override
	public Map<String, Set<String>> privilegesByRole() {
		return Map.of(CITIZEN, Set.of(REQUEST), AGENT, Set.of(DESK, WORK), ORG_ADMIN, Set.of(DESK, WORK, MANAGE));
	}

	@Override
	public List<CatalogueService> services() {
		return List.of(
				CatalogueService.open("counter.catalogue.counter", BusinessEntry.INTERACT_WITH_CITIZENS, "/counter"),
				CatalogueService.privileged("counter.catalogue.address-change", BusinessEntry.INTERACT_WITH_CITIZENS,
						"/counter/address-change", REQUEST),
				CatalogueService.privileged("counter.catalogue.desk", BusinessEntry.OPTIMISE_ADMINISTRATIVE_PROCESSES,
						"/desk/counter", DESK));
	}

	@Override
	public List<String> patterns() {
		return List.of("/counter", "/counter/themes/**", "/counter/documents/*", "/counter/search",
				"/api/counter/documents", "/api/counter/documents/*");
	}
}
