package org.orchestra.assistant;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.orchestra.identity.IdentityManagement;
import org.orchestra.notification.NotificationManagement;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the citizen by e-mail that an agent answered, with a link to the conversation (the answer itself is read
 * after signing in). Citizens without an e-mail address see the answer on their conversations page.
 */
@Component
class AssistantMail {

	private final NotificationManagement notifications;
	private final IdentityManagement identity;
	private final OrganisationDirectory organisations;
	private final AssistantProperties properties;

	AssistantMail(NotificationManagement notifications, IdentityManagement identity,
			OrganisationDirectory organisations, AssistantProperties properties) {
		this.notifications = notifications;
		this.identity = identity;
		this.organisations = organisations;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(ConversationChanged event) {
		if (!event.type().equals("replied")) {
			return;
		}
		String email = identity.findAccount(event.citizenAccount()).map(a -> a.email()).orElse(null);
		if (email == null || email.isBlank()) {
			return;
		}
		Locale locale = Locale.of(event.locale());
		OrganisationId organisation = OrganisationId.of(event.organisation());
		Map<String, Object> variables = new HashMap<>();
		variables.put("organisation", organisations.nameOf(organisation, locale));
		variables.put("reference", "");
		variables.put("link", properties.publicUrl().replaceAll("/+$", "") + "/assistant/conversations/"
				+ event.conversationId());
		notifications.sendEmail(organisation, email, locale, "assistant/replied", variables);
	}
}
