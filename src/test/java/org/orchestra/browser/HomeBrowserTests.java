package org.orchestra.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A visitor walks the catalogue in French and Dutch and switches language. */
class HomeBrowserTests extends BrowserTestSupport {

	@Test
	void theCatalogueInFrenchThenDutchAndTheChoiceSticks() {
		try (BrowserContext context = context("fr-BE")) {
			Page page = context.newPage();
			page.navigate(url("/"));
			assertThat(page.locator("html")).hasAttribute("lang", "fr");
			assertThat(page.locator("h1")).hasText("Les services numériques de la Région");
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("E-citoyen"))).isVisible();
			assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vérifier un document")).first())
				.isVisible();

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("NL").setExact(true)).click();
			assertThat(page.locator("html")).hasAttribute("lang", "nl");
			assertThat(page.locator("h1")).hasText("De digitale diensten van het Gewest");

			page.navigate(url("/organisations"));
			assertThat(page.locator("h1")).hasText("Organisaties van het Gewest");
			page.navigate(url("/"));
			assertThat(page.locator("h1")).hasText("De digitale diensten van het Gewest");
		}
	}

	@Test
	void searchingTheCatalogueFindsAService() {
		try (BrowserContext context = context("fr-BE")) {
			Page page = context.newPage();
			page.navigate(url("/"));
			page.getByLabel("Trouver un service").fill("journal");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
			assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Journal d'audit")))
				.isVisible();
		}
	}

	@Test
	void publicPagesPassTheAccessibilityScan() {
		try (BrowserContext context = context("nl-BE")) {
			Page page = context.newPage();
			for (String path : new String[] { "/", "/search?q=audit", "/login", "/verify", "/verify?code=AAAA-BBBB-CCCC-DDDD",
					"/organisations" }) {
				page.navigate(url(path));
				assertAccessible(page);
			}
		}
	}
}
