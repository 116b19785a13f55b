package org.orchestra.shared;

import java.util.Map;
import java.util.Set;

/**
 * A module's declaration of the privileges it checks and which platform roles grant them. A role is the union
 * of the privileges every module grants to it.
 */
public interface RoleContribution {

	/** Role codes shared by every module. */
	String CITIZEN = "citizen";
	String AGENT = "agent";
	String ORG_ADMIN = "org-admin";
	String AUDITOR = "auditor";
	String PLATFORM_ADMIN = "platform-admin";
	/** An external contractor working for an organisation: sees only what is assigned to them. */
	String CONTRACTOR = "contractor";

	/** Privileges granted per role code. */
	Map<String, Set<String>> privilegesByRole();
}
