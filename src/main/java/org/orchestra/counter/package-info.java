/**
 * The e-counter, the region's IRISbox: a catalogue of documents that residents request on line from their
 * commune, certificates produced at once from the population register with a verification code, requests that
 * agents of the commune handle from a queue with deadlines, messages and files, each commune's own offering, and
 * the on-line address change routed to the commune of the new address.
 */
@org.springframework.modulith.ApplicationModule(displayName = "E-counter",
		allowedDependencies = { "territory", "identity", "tenancy", "document", "notification", "catalogue" })
@org.jspecify.annotations.NullMarked
package org.orchestra.counter;
