/**
 * The UI shell shared by every page: layout, regional branding, the FR/NL/EN language choice, the account menu,
 * and error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "UI shell",
		allowedDependencies = { "identity", "tenancy", "document" })
@org.jspecify.annotations.NullMarked
package org.orchestra.shell;
