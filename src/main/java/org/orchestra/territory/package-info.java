/**
 * The region's reference geography: communes and the regional boundary, streets, road segments with their
 * manager and address points; imports with reports; point and address lookups; the reusable map.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Territory",
		allowedDependencies = { "catalogue", "identity" })
@org.jspecify.annotations.NullMarked
package org.orchestra.territory;
