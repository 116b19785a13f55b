package org.orchestra.browser;

import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * On a phone: a visitor asks the counter and gets an answer with its source; a citizen hands an unanswered
 * question to Ixelles, an agent of Ixelles answers from the inbox, and the citizen reads the answer.
 */
class AssistantBrowserTests extends BrowserTestSupport {

	@Test
	void aVisitorGetsAnAnswerWithItsSource() {
		try (BrowserContext context = context("fr-BE")) {
			Page page = context.newPage();
			page.navigate(url("/assistant"));
			assertAccessible(page);
			page.getByLabel("Votre question").fill("Comment signaler un nid de poule dans ma rue ?");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Demander")).click();
			assertThat(page.locator(".chat .answer").last()).containsText("D'où vient cette réponse");
			assertThat(page.locator(".chat .answer .sources a").first()).hasAttribute("href", "/incidents/new");
			assertThat(page.getByRole(AriaRole.LINK,
					new Page.GetByRoleOptions().setName("Connectez-vous pour poser la question à un agent de votre commune")))
				.isVisible();
			assertAccessible(page);
		}
	}

	@Test
	void aCitizenHandsAQuestionToTheirCommuneAndReadsTheAgentsAnswer() {
		String question = "Combien de girafes vivent au zoo ? " + UUID.randomUUID().toString().substring(0, 8);
		String conversationUrl;
		try (BrowserContext citizen = context("fr-BE")) {
			Page page = citizen.newPage();
			signIn(page, "citizen.demo");
			page.navigate(url("/assistant"));
			page.getByLabel("Votre question").fill(question);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Demander")).click();
			assertThat(page.locator(".chat .answer").last()).containsText("Je n'ai pas trouvé la réponse");
			page.getByLabel("Commune qui doit répondre").selectOption("commune-21009");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Demander à un agent")).click();
			assertThat(page.locator("h1")).hasText("Conversation avec Commune d'Ixelles");
			assertThat(page.locator(".chat")).containsText(question);
			assertAccessible(page);
			conversationUrl = page.url();
		}
		try (BrowserContext agent = context("fr-BE")) {
			Page page = agent.newPage();
			signIn(page, "agent.ixelles");
			page.navigate(url("/desk/assistant"));
			assertAccessible(page);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(question)).click();
			assertThat(page.locator("h1")).containsText("Question de");
			assertAccessible(page);
			page.getByLabel("Réponse", new Page.GetByLabelOptions().setExact(true)).fill("Le zoo n'est pas un service communal.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer la réponse")).click();
			assertThat(page.locator(".notice")).containsText("La réponse a été envoyée");
			page.navigate(url("/desk/assistant/stats"));
			assertAccessible(page);
			page.navigate(url("/desk/assistant/templates"));
			assertAccessible(page);
		}
		try (BrowserContext citizen = context("fr-BE")) {
			Page page = citizen.newPage();
			signIn(page, "citizen.demo");
			page.navigate(conversationUrl);
			assertThat(page.locator(".chat .agent")).containsText("Le zoo n'est pas un service communal.");
			page.navigate(url("/assistant/conversations"));
			assertThat(page.locator("table")).containsText("Répondu");
			assertAccessible(page);
		}
	}
}
