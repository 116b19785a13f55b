package org.orchestra.identity;

import java.util.List;

import org.orchestra.catalogue.BusinessEntry;
import org.orchestra.catalogue.CatalogueContribution;
import org.orchestra.catalogue.CatalogueService;
import org.orchestra.shared.PublicPaths;
import org.springframework.stereotype.Component;

/** What identity offers in the catalogue and serves without signing in. */
@Component
class IdentityContributions implements CatalogueContribution, PublicPaths {

	@Override
	public List<CatalogueService> services() {
		return List.of(
				CatalogueService.privileged("identity.catalogue.members", BusinessEntry.SECURE_IT, "/admin/members",
						IdentityRoles.MANAGE_MEMBERS),
				CatalogueService.signedIn("identity.catalogue.account", BusinessEntry.INTERACT_WITH_CITIZENS,
						"/account"));
	}

	@Override
	public List<String> patterns() {
		return List.of("/login", "/oauth2/**", "/login/oauth2/**");
	}
}
