package org.orchestra.identity;

import java.util.UUID;

import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/** A person's role in an organisation was withdrawn. */
public record MembershipRevoked(UUID membershipId, String username, String organisation, String role,
		String revokedBy) implements AuditedEvent {

	@Override
	public AuditFacts auditFacts() {
		return new AuditFacts(revokedBy, organisation, "identity.membership.revoked", "account", username,
				AuditFacts.SUCCESS, "role " + role);
	}
}
