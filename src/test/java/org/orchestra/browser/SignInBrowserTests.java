package org.orchestra.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Staff sign in, see their organisation, work in it, and sign out. */
class SignInBrowserTests extends BrowserTestSupport {

	@Test
	void aStaffMemberSignsInSeesTheirOrganisationAndSignsOut() {
		try (BrowserContext context = context("fr-BE")) {
			Page page = context.newPage();
			page.navigate(url("/"));
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Se connecter")).click();
			page.getByLabel("Nom d'utilisateur").fill("admin.ixelles");
			page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();

			assertThat(page.locator(".account .who")).containsText("Commune d'Ixelles");
			assertThat(page.locator("[data-access=AVAILABLE]").first()).isVisible();

			page.locator(".account .who").click();
			assertThat(page.locator("h1")).hasText("Mon compte");
			assertThat(page.locator("table")).containsText("Commune d'Ixelles");

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
			assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Se connecter"))).isVisible();
			page.navigate(url("/account"));
			assertThat(page.locator("h1")).hasText("Connexion");
		}
	}

	@Test
	void aWrongPasswordIsExplainedInTheUsersLanguage() {
		try (BrowserContext context = context("nl-BE")) {
			Page page = context.newPage();
			page.navigate(url("/login"));
			page.getByLabel("Gebruikersnaam").fill("agent.ixelles");
			page.getByLabel("Wachtwoord").fill("not the password");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanmelden")).last().click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("De gebruikersnaam of het wachtwoord is onjuist");
			assertAccessible(page);
		}
	}

	@Test
	void anAgentSwitchesToTheCpasFromTheHeader() {
		try (BrowserContext context = context("fr-BE")) {
			Page page = context.newPage();
			signIn(page, "agent.ixelles");
			page.getByLabel("Agir pour").selectOption("cpas-21009");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Changer")).click();
			assertThat(page.locator(".account .who")).containsText("CPAS d'Ixelles");
		}
	}

	@Test
	void staffPagesPassTheAccessibilityScan() {
		try (BrowserContext context = context("fr-BE")) {
			Page page = context.newPage();
			signIn(page, "admin.region");
			for (String path : new String[] { "/", "/account", "/admin/members", "/audit", "/documents",
					"/notifications/outbox" }) {
				page.navigate(url(path));
				assertAccessible(page);
			}
			page.navigate(url("/audit"));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vérifier la chaîne")).click();
			assertThat(page.locator(".result.valid")).containsText("La chaîne est intacte");
			assertAccessible(page);
		}
	}
}
