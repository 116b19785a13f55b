package org.orchestra.appointment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orchestra.catalogue.BusinessEntry;
import org.orchestra.catalogue.CatalogueContribution;
import org.orchestra.catalogue.CatalogueService;
import org.orchestra.shared.PublicPaths;
import org.orchestra.shared.RoleContribution;
import org.springframework.stereotype.Component;

/** Privileges of appointments, their catalogue entries and public paths. */
@Component
class AppointmentRoles implements RoleContribution, CatalogueContribution, PublicPaths {

	/** See the day's appointments, mark arrivals and no-shows, read statistics. */
	static final String DESK = "appointment.desk";
	/** Configure services, counters, hours, closures and booking rules. */
	static final String MANAGE = "appointment.manage";

	@Override
	public Map<String, Set<String>> privilegesByRole() {
		return Map.of(AGENT, Set.of(DESK), ORG_ADMIN, Set.of(DESK, MANAGE));
	}

	@Override
	public List<CatalogueService> services() {
		return List.of(CatalogueService.open("appointment.catalogue.book", BusinessEntry.INTERACT_WITH_CITIZENS,
				"/appointments"),
				CatalogueService.signedIn("appointment.catalogue.mine", BusinessEntry.INTERACT_WITH_CITIZENS,
						"/appointments/mine"),
				CatalogueService.privileged("appointment.catalogue.desk", BusinessEntry.INTERACT_WITH_CITIZENS,
						"/desk/appointments", DESK),
				CatalogueService.privileged("appointment.catalogue.manage", BusinessEntry.OPTIMISE_ADMINISTRATIVE_PROCESSES,
						"/admin/appointments", MANAGE));
	}

	@Override
	public List<String> patterns() {
		return List.of("/appointments", "/appointments/**", "/api/appointments/**");
	}

	@Override
	public List<String> csrfExemptPatterns() {
		return List.of("/api/appointments/**");
	}
}
