package org.orchestra.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.orchestra.shared.RoleContribution;
import org.springframework.stereotype.Component;

/**
 * The platform's roles, each the union of the privileges that every module grants to it.
 */
@Component
public class Privileges {

	private final Map<String, Set<String>> byRole = new TreeMap<>();

	Privileges(Collection<RoleContribution> contributions) {
		for (RoleContribution contribution : contributions) {
			contribution.privilegesByRole()
				.forEach((role, privileges) -> byRole.computeIfAbsent(role, r -> new TreeSet<>()).addAll(privileges));
		}
	}

	public Set<String> of(String role) {
		return Set.copyOf(byRole.getOrDefault(role, Set.of()));
	}

	/** Roles that can be given through a membership (every role but the citizen's). */
	public Set<String> assignableRoles() {
		Set<String> roles = new TreeSet<>(byRole.keySet());
		roles.add(RoleContribution.AGENT);
		roles.add(RoleContribution.ORG_ADMIN);
		roles.remove(RoleContribution.CITIZEN);
		return roles;
	}

	public Map<String, Set<String>> all() {
		return Map.copyOf(byRole);
	}
}
