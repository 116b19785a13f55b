/**
 * The append-only, hash-chained audit trail of every significant action, fed by the events of every module,
 * with its verification and the auditors' page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail",
		allowedDependencies = { "identity", "tenancy", "catalogue" })
@org.jspecify.annotations.NullMarked
package org.orchestra.audit;
