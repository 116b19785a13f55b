package org.orchestra.identity;

import java.util.Map;
import java.util.Set;

import org.orchestra.shared.RoleContribution;
import org.springframework.stereotype.Component;

/** Privileges checked by the identity module. */
@Component
class IdentityRoles implements RoleContribution {

	static final String MANAGE_MEMBERS = "identity.member.manage";
	static final String OWN_ACCOUNT = "identity.account.self";

	@Override
	public Map<String, Set<String>> privilegesByRole() {
		return Map.of(CITIZEN, Set.of(OWN_ACCOUNT), AGENT, Set.of(OWN_ACCOUNT), ORG_ADMIN,
				Set.of(OWN_ACCOUNT, MANAGE_MEMBERS), AUDITOR, Set.of(OWN_ACCOUNT), PLATFORM_ADMIN,
				Set.of(OWN_ACCOUNT, MANAGE_MEMBERS));
	}
}
