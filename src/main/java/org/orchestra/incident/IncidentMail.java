package org.orchestra.incident;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.orchestra.notification.NotificationManagement;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails of incident reporting: the confirmation link of an anonymous report, the receipt of a confirmed one,
 * and every public change to the report's subscribers (with an unsubscribe link).
 */
@Component
class IncidentMail {

	private final NotificationManagement notifications;
	private final Subscriptions subscriptions;
	private final Reports reports;
	private final IncidentCategories categories;
	private final OrganisationDirectory organisations;
	private final MessageSource messages;
	private final IncidentProperties properties;

	IncidentMail(NotificationManagement notifications, Subscriptions subscriptions, Reports reports,
			IncidentCategories categories, OrganisationDirectory organisations, MessageSource messages,
			IncidentProperties properties) {
		this.notifications = notifications;
		this.subscriptions = subscriptions;
		this.reports = reports;
		this.categories = categories;
		this.organisations = organisations;
		this.messages = messages;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(IncidentSubmitted event) {
		if (event.reporterEmail() == null) {
			return;
		}
		Locale locale = Locale.of(event.locale());
		Map<String, Object> variables = base(event.reportId(), event.organisation(), locale);
		if (event.confirmationToken() != null) {
			variables.put("link", url("/incidents/confirm/" + event.confirmationToken()));
			notifications.sendEmail(OrganisationId.of(event.organisation()), event.reporterEmail(), locale,
					"incident/confirm", variables);
		}
		else {
			notifications.sendEmail(OrganisationId.of(event.organisation()), event.reporterEmail(), locale,
					"incident/received", variables);
		}
	}

	@ApplicationModuleListener
	void on(IncidentChanged event) {
		if (event.visibility() != Visibility.PUBLIC || event.type().equals("confirmed")) {
			return;
		}
		IncidentReport report = reports.findById(event.reportId()).orElse(null);
		if (report == null || !report.isPublic()) {
			return;
		}
		for (Subscription subscription : subscriptions.findByReportId(report.id())) {
			Locale locale = Locale.of(subscription.locale());
			Map<String, Object> variables = base(report.id(), report.organisationId(), locale);
			variables.put("change", messages.getMessage("incident.event." + event.type(), null, event.type(), locale));
			variables.put("status", messages.getMessage("incident.status." + report.status(), null,
					report.status().name(), locale));
			variables.put("note", event.note() == null || event.type().equals("transferred") ? "" : event.note());
			variables.put("unsubscribe", url("/incidents/unsubscribe/" + subscription.token()));
			notifications.sendEmail(OrganisationId.of(report.organisationId()), subscription.email(), locale,
					"incident/updated", variables);
		}
	}

	private Map<String, Object> base(long reportId, String organisation, Locale locale) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("reference", "#" + reportId);
		variables.put("organisation", organisations.nameOf(OrganisationId.of(organisation), locale));
		variables.put("reportLink", url("/incidents/" + reportId));
		reports.findById(reportId)
			.flatMap(r -> categories.find(r.categoryCode()))
			.ifPresent(c -> variables.put("category", c.name(locale)));
		variables.putIfAbsent("category", "");
		return variables;
	}

	private String url(String path) {
		return properties.publicUrl().replaceAll("/+$", "") + path;
	}
}
