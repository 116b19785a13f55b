package org.orchestra.appointment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.orchestra.appointment.AppointmentViews.AppointmentView;
import org.orchestra.notification.MailAttachment;
import org.orchestra.notification.NotificationManagement;
import org.orchestra.tenancy.OrganisationDirectory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-mails of an appointment, each with its calendar invitation: confirmation, new time, cancellation and
 * reminder. Queued in the commune's outbox inside the transaction that made the change.
 */
@Component
class AppointmentMail {

	private final NotificationManagement notifications;
	private final OrganisationDirectory organisations;
	private final MessageSource messages;
	private final AppointmentProperties properties;
	private final Planning planning;

	AppointmentMail(NotificationManagement notifications, OrganisationDirectory organisations, MessageSource messages,
			AppointmentProperties properties, Planning planning) {
		this.notifications = notifications;
		this.organisations = organisations;
		this.messages = messages;
		this.properties = properties;
		this.planning = planning;
	}

	String manageLink(String token) {
		return properties.publicUrl() + "/appointments/manage/" + token;
	}

	String when(Instant start, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
			.withLocale(locale)
			.format(start.atZone(planning.zone()));
	}

	/** Sends one of the appointment's e-mails; {@code template} is confirmed, rescheduled, cancelled or reminder. */
	void send(String template, AppointmentView appointment, String token) {
		Locale locale = Locale.of(appointment.locale());
		String organisation = organisations.nameOf(appointment.organisation(), locale);
		String service = appointment.serviceName().in(locale);
		String link = manageLink(token);
		boolean cancelled = appointment.status() == AppointmentStatus.CANCELLED;
		String calendar = ICalendar.write(new ICalendar.Event(appointment.id() + "@orchestra-appointments",
				appointment.sequence(), Instant.now(), appointment.start(), appointment.end(),
				messages.getMessage("appointment.ics.summary", new Object[] { service, organisation }, locale),
				organisation + " - " + appointment.counterName(),
				messages.getMessage("appointment.ics.description", new Object[] { appointment.reference(), link },
						locale),
				organisation, properties.organizer(), appointment.name(), appointment.email(), cancelled));
		MailAttachment invitation = new MailAttachment(cancelled ? "cancellation.ics" : "appointment.ics",
				cancelled ? ICalendar.CONTENT_TYPE_CANCEL : ICalendar.CONTENT_TYPE_REQUEST,
				calendar.getBytes(StandardCharsets.UTF_8));
		notifications.sendEmail(appointment.organisation(), appointment.email(), locale, "appointment/" + template,
				Map.of("organisation", organisation, "reference", appointment.reference(), "name", appointment.name(),
						"service", service, "when", when(appointment.start(), locale), "counter",
						appointment.counterName(), "link", link),
				List.of(invitation));
	}
}
