/**
 * Public-space incident reporting, the region's FixMyStreet: citizens and professionals report, the place and
 * the category route each report to the organisation that manages it, back offices handle it, and everything
 * public is published, including through Open311 GeoReport v2.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incident reporting",
		allowedDependencies = { "territory", "identity", "tenancy", "document", "notification", "catalogue" })
@org.jspecify.annotations.NullMarked
package org.orchestra.incident;
