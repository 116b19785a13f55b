package org.orchestra.appointment;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.orchestra.appointment.AppointmentViews.HoursView;
import org.orchestra.appointment.AppointmentViews.ServiceView;
import org.orchestra.shared.KnowledgeContribution;
import org.orchestra.shared.LocalizedText;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Each commune's services by appointment and counter opening hours, for the counter assistant. */
@Component
class AppointmentKnowledge implements KnowledgeContribution {

	private static final Locale FR = Locale.of("fr");
	private static final Locale NL = Locale.of("nl");
	private static final Locale EN = Locale.ENGLISH;

	private final AppointmentBooking booking;
	private final OrganisationDirectory organisations;
	private final MessageSource messages;

	AppointmentKnowledge(AppointmentBooking booking, OrganisationDirectory organisations, MessageSource messages) {
		this.booking = booking;
		this.organisations = organisations;
		this.messages = messages;
	}

	@Override
	public List<KnowledgeEntry> knowledge() {
		List<KnowledgeEntry> entries = new ArrayList<>();
		for (OrganisationId organisation : booking.organisations()) {
			List<ServiceView> services = booking.services(organisation);
			List<HoursView> hours = booking.hours(organisation);
			List<String> keywords = new ArrayList<>(List.of("rendez-vous", "afspraak", "appointment", "horaires",
					"openingsuren", "opening hours", "guichet", "loket"));
			services.forEach(s -> keywords.add(s.code()));
			entries.add(new KnowledgeEntry("appointment.hours." + organisation.value(),
					LocalizedText.of(title(organisation, FR), title(organisation, NL), title(organisation, EN)),
					LocalizedText.of(text(organisation, services, hours, FR), text(organisation, services, hours, NL),
							text(organisation, services, hours, EN)),
					"/appointments/" + organisation.value(), organisation.value(), keywords));
		}
		return entries;
	}

	private String title(OrganisationId organisation, Locale locale) {
		return messages.getMessage("appointment.knowledge.title",
				new Object[] { organisations.nameOf(organisation, locale) }, locale);
	}

	private String text(OrganisationId organisation, List<ServiceView> services, List<HoursView> hours, Locale locale) {
		StringBuilder list = new StringBuilder();
		for (ServiceView service : services) {
			if (!list.isEmpty()) {
				list.append("; ");
			}
			list.append(service.name().in(locale)).append(" (").append(service.durationMinutes()).append(" min)");
		}
		StringBuilder opening = new StringBuilder();
		for (HoursView h : hours) {
			if (!opening.isEmpty()) {
				opening.append("; ");
			}
			opening.append(h.day().getDisplayName(TextStyle.FULL, locale)).append(' ').append(h.opens()).append('-');
			if (h.breakStarts() != null) {
				opening.append(h.breakStarts()).append(", ").append(h.breakEnds()).append('-');
			}
			opening.append(h.closes());
		}
		return messages.getMessage("appointment.knowledge.text",
				new Object[] { organisations.nameOf(organisation, locale), list.toString(), opening.toString() }, locale);
	}
}
