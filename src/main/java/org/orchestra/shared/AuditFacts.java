package org.orchestra.shared;

import org.jspecify.annotations.Nullable;

/**
 * What the audit trail records of an action: who did what to which target, on behalf of which organisation,
 * and how it ended.
 *
 * @param actor the user name, or {@code system} for the platform itself
 * @param organisation the organisation on whose behalf the action was taken, if any
 * @param action a stable dotted code such as {@code identity.member.granted}
 * @param targetType the kind of object acted on
 * @param targetId the identifier of that object
 * @param outcome {@code SUCCESS}, {@code FAILURE} or {@code DENIED}
 * @param details a short, non-sensitive description
 */
public record AuditFacts(String actor, @Nullable String organisation, String action, String targetType,
		String targetId, String outcome, String details) {

	public static final String SUCCESS = "SUCCESS";
	public static final String FAILURE = "FAILURE";
	public static final String DENIED = "DENIED";
}
