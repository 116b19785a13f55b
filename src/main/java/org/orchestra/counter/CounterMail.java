package org.orchestra.counter;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.orchestra.notification.NotificationManagement;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** E-mails to the resident: receipt, certificate ready, every status change and every message of the commune. */
@Component
class CounterMail {

	private static final Set<String> TOLD = Set.of("submitted", "issued", "status", "message", "document");

	private final NotificationManagement notifications;
	private final Requests requests;
	private final DocumentCatalogue catalogue;
	private final OrganisationDirectory organisations;
	private final String publicUrl;

	CounterMail(NotificationManagement notifications, Requests requests, DocumentCatalogue catalogue,
			OrganisationDirectory organisations,
			@Value("${orchestra.counter.public-url:${orchestra.incident.public-url:http://localhost:8080}}") String publicUrl) {
		this.notifications = notifications;
		this.requests = requests;
		this.catalogue = catalogue;
		this.organisations = organisations;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	@ApplicationModuleListener
	void on(RequestChanged event) {
		if (!TOLD.contains(event.type())) {
			return;
		}
		DocumentRequest request = requests.findById(event.requestId()).orElse(null);
		if (request == null || request.requesterEmail() == null) {
			return;
		}
		// A certificate issued at once is announced by one mail, not two.
		if (event.type().equals("submitted") && request.verificationCode() != null) {
			return;
		}
		Locale locale = Locale.of(request.language());
		OrganisationId commune = OrganisationId.of(request.organisationId());
		Map<String, Object> variables = new HashMap<>();
		variables.put("reference", request.reference());
		variables.put("document", catalogue.find(request.documentCode()).map(t -> t.title(locale))
				.orElse(request.documentCode()));
		variables.put("commune", organisations.nameOf(commune, locale));
		variables.put("status", event.status().name());
		variables.put("link", publicUrl + "/counter/requests/" + request.reference());
		String template = switch (event.type()) {
			case "submitted" -> "counter/received";
			case "message" -> "counter/message";
			case "issued" -> "counter/ready";
			default -> event.status() == RequestStatus.READY ? "counter/ready" : "counter/updated";
		};
		notifications.sendEmail(commune, request.requesterEmail(), locale, template, variables);
	}
}
