package org.orchestra.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident on a phone requests a household composition in French and downloads the PDF; an agent of the commune
 * handles a manual request in Dutch.
 */
class CounterBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aResidentOnAPhoneRequestsAHouseholdCompositionAndDownloadsThePdf() throws Exception {
		try (BrowserContext context = context("fr-BE")) {
			Page page = context.newPage();
			signIn(page, "citizen.demo");
			page.navigate(url("/counter"));
			assertThat(page.locator("h1")).hasText("Guichet électronique");
			assertAccessible(page);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Composition de ménage").setExact(true))
				.click();
			assertThat(page.locator("h1")).hasText("Composition de ménage");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Demander ce document")).click();
			assertThat(page.locator("h1")).hasText("Demande : Composition de ménage");
			page.getByText("Téléchargement (PDF)").click();
			assertAccessible(page);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer la demande")).click();
			assertThat(page.locator("[role=status]").first()).hasText("Votre demande a été envoyée.");
			assertThat(page.locator("dl.facts")).containsText("Prête");
			assertAccessible(page);
			Download download = page.waitForDownload(() -> page
				.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Télécharger le PDF")).click());
			byte[] pdf = Files.readAllBytes(download.path());
			assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
			page.reload();
			assertThat(page.locator("dl.facts")).containsText("Délivrée");
		}
	}

	@Test
	void anAgentHandlesAManualRequestInDutch() {
		String reference;
		try (BrowserContext context = context("fr-BE")) {
			Page page = context.newPage();
			signIn(page, "citizen.demo");
			page.navigate(url("/counter/documents/celibacy-certificate/request"));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer la demande")).click();
			assertThat(page.locator("dl.facts")).containsText("Reçue");
			reference = page.url().replaceAll(".*/counter/requests/([^?]+).*", "$1");
		}
		try (BrowserContext context = context("nl-BE")) {
			Page page = context.newPage();
			signIn(page, "agent.ixelles");
			page.navigate(url("/desk/counter"));
			assertThat(page.locator("h1")).hasText("Aanvragen van het loket");
			assertAccessible(page);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference).setExact(true)).click();
			assertThat(page.locator("h1")).hasText("Aanvraag " + reference);
			page.locator("#agent").selectOption("agent.ixelles");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toewijzen").setExact(true)).click();
			assertThat(page.locator("dl.facts")).containsText("In behandeling");
			page.getByLabel("Schrijf naar de burger").fill("Uw attest is in voorbereiding.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
			assertThat(page.locator(".timeline").first()).containsText("Uw attest is in voorbereiding.");
			page.getByLabel("Opgemaakt document (pdf)").setInputFiles(new FilePayload("attest.pdf", "application/pdf",
					"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ter beschikking stellen van de burger"))
				.click();
			assertThat(page.locator("dl.facts")).containsText("Klaar");
			assertAccessible(page);
		}
		assertThat(jdbc.queryForObject("select status from counter_request where reference = ?", String.class,
				reference)).isEqualTo("READY");
	}
}
