/**
 * The data-exchange integrator: partner administrations call authentic sources through one gateway, with
 * per-client rights tied to a purpose and a legal basis, a per-person check against the partner's population, and a
 * hash-chained, checkpoint-signed transaction log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data exchange",
		allowedDependencies = { "tenancy", "identity", "catalogue" })
@org.jspecify.annotations.NullMarked
package org.orchestra.exchange;
