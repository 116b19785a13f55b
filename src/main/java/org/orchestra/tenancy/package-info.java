/**
 * Organisations of the region (the Region, communes, CPAS, regional bodies) and the tenant context in which
 * staff act.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenancy", allowedDependencies = "catalogue")
@org.jspecify.annotations.NullMarked
package org.orchestra.tenancy;
