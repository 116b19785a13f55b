/**
 * The counter's assistant and the agents' inbox: answers citizens' questions only from the platform's own content
 * (knowledge contributed by modules and the service catalogue), always with its sources, and hands what it cannot
 * answer over to an agent of the citizen's commune.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Counter assistant",
		allowedDependencies = { "catalogue", "identity", "tenancy", "notification" })
@org.jspecify.annotations.NullMarked
package org.orchestra.assistant;
