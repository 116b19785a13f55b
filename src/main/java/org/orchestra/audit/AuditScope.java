package org.orchestra.audit;

import org.jspecify.annotations.Nullable;
import org.orchestra.identity.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Which part of the trail the current user may read: all of it for platform auditors, otherwise only the
 * organisation they act for.
 */
@Component
public class AuditScope {

	private final CurrentUser currentUser;

	AuditScope(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	/** The organisation filter to apply, given what the user asked for. */
	public @Nullable String organisationFilter(@Nullable String requested) {
		String wanted = requested == null || requested.isBlank() ? null : requested.trim();
		if (currentUser.hasPrivilege(AuditRoles.READ_ALL)) {
			return wanted;
		}
		String own = currentUser.organisation()
			.map(Object::toString)
			.orElseThrow(() -> new AccessDeniedException("No organisation"));
		if (wanted != null && !wanted.equals(own)) {
			throw new AccessDeniedException("Trail of another organisation");
		}
		return own;
	}

	public boolean readsAll() {
		return currentUser.hasPrivilege(AuditRoles.READ_ALL);
	}
}
