package org.orchestra.notification;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orchestra.catalogue.BusinessEntry;
import org.orchestra.catalogue.CatalogueContribution;
import org.orchestra.catalogue.CatalogueService;
import org.orchestra.shared.RoleContribution;
import org.springframework.stereotype.Component;

/** Privileges of the notification module and its place in the catalogue. */
@Component
class NotificationRoles implements RoleContribution, CatalogueContribution {

	static final String OUTBOX = "notification.outbox.manage";

	@Override
	public Map<String, Set<String>> privilegesByRole() {
		return Map.of(ORG_ADMIN, Set.of(OUTBOX), PLATFORM_ADMIN, Set.of(OUTBOX));
	}

	@Override
	public List<CatalogueService> services() {
		return List.of(CatalogueService.privileged("notification.catalogue.outbox",
				BusinessEntry.INTERACT_WITH_CITIZENS, "/notifications/outbox", OUTBOX));
	}
}
