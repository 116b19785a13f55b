package org.orchestra.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.orchestra.exchange.DemoSources;
import org.orchestra.exchange.ExchangeTestClient;
import org.orchestra.exchange.ExchangeTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A partner administrator requests a right in French, the integrator grants it in Dutch, and the call succeeds. */
class ExchangeBrowserTests extends BrowserTestSupport {

	@Autowired
	ExchangeTokens tokens;

	@Autowired
	DemoSources sources;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRightRequestedInFrenchAndGrantedInDutchOpensTheGateway() throws Exception {
		ExchangeTestClient client = new ExchangeTestClient();
		String name = "Population app " + System.nanoTime();
		try (BrowserContext context = context("fr-BE")) {
			Page page = context.newPage();
			signIn(page, "admin.ixelles");
			page.navigate(url("/exchange/partner"));
			assertThat(page.locator("h1")).hasText("Échange de données");
			page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill(name);
			page.getByLabel("Clé publique (PEM)").fill(client.publicKeyPem());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer l'application")).click();
			client.clientId = jdbc.queryForObject("select client_id from exchange_client where name = ?", String.class, name);
			page.getByLabel("Application", new Page.GetByLabelOptions().setExact(true)).selectOption(client.clientId);
			page.getByLabel("Opération").selectOption("population-register/person");
			page.getByLabel("Finalité").fill("Délivrance d'attestations");
			page.getByLabel("Base légale").fill("Loi du 8 août 1983, art. 5");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Demander le droit")).click();
			assertThat(page.locator("[data-right-status]").first()).hasText("Demandé");
			assertAccessible(page);
		}
		try (BrowserContext context = context("nl-BE")) {
			Page page = context.newPage();
			signIn(page, "admin.region");
			page.navigate(url("/exchange/admin"));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
				.setName("population-register/person toekennen aan " + client.clientId)).click();
			assertThat(page.locator("[role=status]").first()).containsText("onmiddellijk");
			assertAccessible(page);
		}
		HttpClient http = HttpClient.newHttpClient();
		String form = "grant_type=client_credentials&client_assertion_type="
				+ URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
				+ "&client_assertion=" + client.assertion(tokens.issuer());
		HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(url("/exchange/oauth/token")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(token.statusCode()).isEqualTo(200);
		String accessToken = token.body().replaceAll("(?s).*\"access_token\":\"([^\"]+)\".*", "$1");
		String resident = sources.persons().stream().filter(p -> p.nisCode().equals("21009")).findFirst().orElseThrow()
			.nationalNumber();
		HttpResponse<String> call = http.send(HttpRequest.newBuilder(URI.create(url("/exchange/v1/population-register/person?nn="
				+ resident + "&purpose=" + URLEncoder.encode("Délivrance d'attestations", StandardCharsets.UTF_8))))
			.header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(call.statusCode()).isEqualTo(200);
		assertThat(call.body()).contains("\"synthetic\":true");
	}
}
