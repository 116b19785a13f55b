package org.orchestra.identity;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.AuditFacts;
import org.orchestra.shared.AuditedEvent;

/**
 * A sign-in attempt ended: succeeded, failed, or locked the account after too many failures.
 *
 * @param outcome {@code SUCCESS}, {@code FAILURE} or {@code LOCKED}
 */
public record SignInRecorded(String username, @Nullable String organisation, String outcome, String method,
		@Nullable String email, String locale) implements AuditedEvent {

	public static final String LOCKED = "LOCKED";

	@Override
	public AuditFacts auditFacts() {
		String action = LOCKED.equals(outcome) ? "identity.account.locked" : "identity.sign-in";
		String result = AuditFacts.SUCCESS.equals(outcome) ? AuditFacts.SUCCESS : AuditFacts.FAILURE;
		return new AuditFacts(username, organisation, action, "account", username, result, "method " + method);
	}
}
