package org.orchestra.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orchestra.incident.TestPhotos;
import org.orchestra.territory.ImportKind;
import org.orchestra.territory.TerritoryImports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident reports from a phone in Dutch with a photo; the commune's agent accepts, assigns and closes it; the
 * resident sees the closed status and is e-mailed.
 */
class IncidentBrowserTests extends BrowserTestSupport {

	static final Path DATA = Path.of("../shared/data/brussels");

	@Autowired
	TerritoryImports imports;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void streets() throws Exception {
		imports.importNow(ImportKind.STREETS, "streets",
				Files.readAllBytes(DATA.resolve("streets/brussels_street_names_by_commune_osm2020.csv")));
	}

	@Test
	void aResidentReportsAnAgentHandlesItAndTheResidentSeesItClosed() {
		String email = "resident-" + System.nanoTime() + "@example.org";
		long id;
		try (BrowserContext context = context("nl-BE")) {
			Page page = context.newPage();
			page.navigate(url("/incidents/new"));
			assertThat(page.locator("h1")).hasText("Een incident melden");
			page.getByLabel("Adres", new Page.GetByLabelOptions().setExact(true)).fill("Flageyplein, Elsene");
			page.getByText("Voetpad").click();
			page.getByLabel("Wat is het probleem?").selectOption("loose-paving-stones");
			page.getByLabel("Beschrijving").fill("Losliggende tegels, gevaarlijk voor voetgangers");
			page.getByLabel("Foto's").setInputFiles(new FilePayload("tegels.jpg", "image/jpeg", TestPhotos.jpeg(800, 600)));
			page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill(email);
			assertAccessible(page);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Melding versturen")).click();
			if (page.locator("#similar-title").count() > 0) {
				page.getByRole(AriaRole.BUTTON,
						new Page.GetByRoleOptions().setName("Mijn probleem is anders: mijn melding versturen")).click();
			}
			assertThat(page.locator("h1")).hasText("Controleer uw e-mail");
			Long reportId = jdbc.queryForObject("select id from incident_report where reporter_email = ?", Long.class, email);
			id = reportId;
			String body = org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(15))
				.until(() -> jdbc.queryForList(
						"select body from notification_message where recipient = ? and template = 'incident/confirm'",
						String.class, email), bodies -> !bodies.isEmpty())
				.get(0);
			String link = body.replaceAll("(?s).*(/incidents/confirm/[0-9a-f]+).*", "$1");
			page.navigate(url(link));
			assertThat(page.locator("[role=status]").first()).containsText("bevestigd");
			assertThat(page.locator("dd[data-routing]")).containsText("Elsene");
			assertThat(page.locator(".photos img")).hasCount(1);
		}

		try (BrowserContext context = context("nl-BE")) {
			Page page = context.newPage();
			signIn(page, "agent.ixelles");
			page.navigate(url("/desk/incidents"));
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Long.toString(id)).setExact(true)).click();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanvaarden")).click();
			assertThat(page.locator("[data-status]")).hasText("In behandeling");
			page.getByLabel("Dienst").first().fill("Wegen");
			page.locator("#agent").selectOption("agent.ixelles");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toewijzen")).click();
			assertThat(page.locator("dl.facts")).containsText("Wegen");
			assertAccessible(page);
			page.locator("#close-notes").fill("Tegels vastgezet");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afsluiten")).click();
			assertThat(page.locator("[data-status]")).hasText("Afgesloten");
		}

		try (BrowserContext context = context("nl-BE")) {
			Page page = context.newPage();
			page.navigate(url("/incidents/" + id));
			assertThat(page.locator("[data-status]")).hasText("Afgesloten");
			assertThat(page.locator(".timeline")).containsText("Tegels vastgezet");
			assertAccessible(page);
		}
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
				jdbc.queryForObject("""
						select count(*) from notification_message
						where recipient = ? and template = 'incident/updated' and body like '%Afgesloten%'""",
						Integer.class, email)).isEqualTo(1));
	}

	@Test
	void thePublicListAndMapPassTheAccessibilityScan() {
		try (BrowserContext context = context("fr-BE")) {
			Page page = context.newPage();
			page.navigate(url("/incidents"));
			assertThat(page.locator("h1")).hasText("Incidents signalés");
			assertThat(page.locator(".incident-map")).isVisible();
			assertAccessible(page);
		}
	}
}
