package org.orchestra.identity.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: local accounts, and the configured OIDC providers. */
@Controller
class LoginController {

	private final ObjectProvider<ClientRegistrationRepository> clients;

	LoginController(ObjectProvider<ClientRegistrationRepository> clients) {
		this.clients = clients;
	}

	@GetMapping("/login")
	String login(Model model) {
		List<Provider> providers = List.of();
		if (clients.getIfAvailable() instanceof Iterable<?> registrations) {
			providers = java.util.stream.StreamSupport.stream(registrations.spliterator(), false)
				.map(ClientRegistration.class::cast)
				.map(r -> new Provider(r.getRegistrationId(), r.getClientName()))
				.toList();
		}
		model.addAttribute("providers", providers);
		return "identity/login";
	}

	record Provider(String id, String name) {
	}
}
