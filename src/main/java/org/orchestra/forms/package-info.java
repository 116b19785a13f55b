/**
 * The e-counter's form engine: online forms defined as data (steps, typed fields, conditions, validation),
 * versioned and published by the region, offered by each commune, filled step by step by citizens, routed to a
 * commune's desk and handled there; personal answers are erased after each form's retention period.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Online forms",
		allowedDependencies = { "identity", "tenancy", "territory", "document", "notification", "catalogue" })
@org.jspecify.annotations.NullMarked
package org.orchestra.forms;
