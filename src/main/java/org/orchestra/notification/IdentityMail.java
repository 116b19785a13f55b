package org.orchestra.notification;

import java.util.Locale;
import java.util.Map;

import org.orchestra.identity.MembershipGranted;
import org.orchestra.identity.SignInRecorded;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** E-mails that follow identity events: a new membership, a locked account. */
@Component
class IdentityMail {

	static final OrganisationId PLATFORM = OrganisationId.of("region");

	private final NotificationManagement notifications;
	private final OrganisationDirectory organisations;

	IdentityMail(NotificationManagement notifications, OrganisationDirectory organisations) {
		this.notifications = notifications;
		this.organisations = organisations;
	}

	@ApplicationModuleListener
	void on(MembershipGranted event) {
		if (event.email() == null) {
			return;
		}
		Locale locale = Locale.of(event.locale());
		OrganisationId organisation = OrganisationId.of(event.organisation());
		notifications.sendEmail(organisation, event.email(), locale, "membership-granted",
				Map.of("name", event.username(), "organisation", organisations.nameOf(organisation, locale), "role",
						event.role()));
	}

	@ApplicationModuleListener
	void on(SignInRecorded event) {
		if (!SignInRecorded.LOCKED.equals(event.outcome()) || event.email() == null) {
			return;
		}
		Locale locale = Locale.of(event.locale());
		notifications.sendEmail(PLATFORM, event.email(), locale, "account-locked",
				Map.of("name", event.username(), "organisation", organisations.nameOf(PLATFORM, locale)));
	}
}
