/**
 * Notifications: a transactional outbox of messages (e-mail first) rendered from per-language templates,
 * delivered with retries and back-off, with a visible delivery status.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "identity", "tenancy", "catalogue" })
@org.jspecify.annotations.NullMarked
package org.orchestra.notification;
