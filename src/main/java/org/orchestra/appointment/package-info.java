/**
 * Online appointments at the communes' counters: services with a duration, counters with their capacity,
 * opening hours with breaks, closures and public holidays give the free slots; citizens book, reschedule and
 * cancel (signed e-mailed links and iCalendar invitations), agents follow their day and mark no-shows.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Appointments",
		allowedDependencies = { "tenancy", "identity", "notification", "catalogue" })
@org.jspecify.annotations.NullMarked
package org.orchestra.appointment;
