package org.orchestra.identity;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/** A person became a member of an organisation with a role. */
public record MembershipGranted(UUID membershipId, UUID accountId, String username, @Nullable String email,
		String organisation, String role, String grantedBy, String locale) implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(grantedBy, organisation, "identity.membership.granted", "account", username,
				AuditFacts.SUCCESS, "role " + role);
	}
}
