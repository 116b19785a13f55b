/**
 * Citizens and staff, their memberships in organisations, roles as sets of privileges, sign-in (local accounts
 * and OIDC) and the web security of the platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and privileges",
		allowedDependencies = { "tenancy", "catalogue" })
@org.jspecify.annotations.NullMarked
package org.orchestra.identity;
