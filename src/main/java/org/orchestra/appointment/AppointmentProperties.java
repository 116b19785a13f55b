package org.orchestra.appointment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Appointment settings.
 *
 * @param publicUrl the platform's public address, for links in e-mails
 * @param linkSecret secret that signs the links e-mailed to citizens (at least 16 bytes; a random one per start
 *        otherwise, which makes links die with a restart)
 * @param zone the time zone of the counters
 * @param reminderBefore how long before the appointment the reminder goes out
 * @param reminderInterval how often the reminder job runs
 * @param retention how long after an appointment the citizen's name and e-mail are kept
 * @param organizer the e-mail address named as organiser in calendar invitations
 */
@ConfigurationProperties("orchestra.appointment")
record AppointmentProperties(@DefaultValue("http://localhost:8080") String publicUrl,
		@DefaultValue("") String linkSecret, @DefaultValue("Europe/Brussels") String zone,
		@DefaultValue("24h") Duration reminderBefore, @DefaultValue("10m") Duration reminderInterval,
		@DefaultValue("30d") Duration retention, @DefaultValue("no-reply@orchestra.localhost") String organizer) {
}
