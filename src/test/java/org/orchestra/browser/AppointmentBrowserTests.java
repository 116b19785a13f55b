package org.orchestra.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A resident books an appointment at the Ixelles counter from a phone, then opens the link of the confirmation
 * e-mail and moves the appointment to another time.
 */
class AppointmentBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aResidentBooksThenReschedulesFromTheEmailedLink() {
		String email = "resident-" + System.nanoTime() + "@example.org";
		try (BrowserContext context = context("fr-BE")) {
			Page page = context.newPage();
			page.navigate(url("/appointments"));
			assertThat(page.locator("h1")).hasText("Prendre rendez-vous");
			assertAccessible(page);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Commune d'Ixelles")).click();
			assertThat(page.locator("h1")).containsText("Ixelles");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Passeport (démo)")).click();
			assertThat(page.locator("h1")).containsText("Passeport");
			Locator slots = page.locator("input[name=slot]");
			assertThat(slots.first()).isVisible();
			String chosen = slots.first().getAttribute("value");
			page.locator("label.choice").first().click();
			page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("Camille Martin");
			page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill(email);
			assertAccessible(page);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Réserver ce rendez-vous")).click();
			assertThat(page.locator("h1")).hasText("Votre rendez-vous");
			assertThat(page.locator("[role=status]").first()).containsText("réservé");
			String reference = page.locator("dd[data-reference]").textContent();

			String body = Awaitility.await()
				.atMost(Duration.ofSeconds(15))
				.until(() -> jdbc.queryForList(
						"select body from notification_message where recipient = ? and template = 'appointment/confirmed'",
						String.class, email), bodies -> !bodies.isEmpty())
				.get(0);
			String link = body.replaceAll("(?s).*(/appointments/manage/[A-Za-z0-9_.-]+).*", "$1");
			assertThat(link).startsWith("/appointments/manage/");

			// the resident opens the e-mailed link in a fresh browser session
			Page mail = context.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
				.setLocale("fr-BE")
				.setBypassCSP(true)
				.setViewportSize(390, 844)).newPage();
			mail.navigate(url(link));
			assertThat(mail.locator("h1")).hasText("Votre rendez-vous");
			assertThat(mail.locator("dd[data-reference]")).hasText(reference);
			assertAccessible(mail);
			mail.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Changer l’heure")).click();
			assertThat(mail.locator("h1")).hasText("Changer l’heure de votre rendez-vous");
			Locator options = mail.locator("input[name=slot]");
			List<String> values = options.all().stream().map(o -> o.getAttribute("value")).toList();
			int target = values.size() - 1;
			assertThat(values.get(target)).isNotEqualTo(chosen);
			mail.locator("label.choice").nth(target).click();
			mail.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déplacer mon rendez-vous")).click();
			assertThat(mail.locator("[role=status]").first()).containsText("déplacé");
			assertThat(mail.locator("dd[data-reference]")).hasText(reference);
			String moved = jdbc.queryForObject("select cast(starts_at as varchar) from appointment_booking where email = ?",
					String.class, email);
			assertThat(moved).isNotNull();
			assertThat(jdbc.queryForObject("select ics_sequence from appointment_booking where email = ?", Integer.class,
					email)).isEqualTo(1);

			// the first link no longer works
			mail.navigate(url(link));
			assertThat(mail.locator("[data-reason]")).containsText("déjà servi");
			mail.context().close();
		}
	}

	@Test
	void theAgentsDayAndTheAdministratorsSettingsAreAccessible() {
		try (BrowserContext context = context("nl-BE")) {
			Page page = context.newPage();
			signIn(page, "admin.ixelles");
			page.navigate(url("/admin/appointments"));
			assertThat(page.locator("h1")).hasText("Instellingen van de afspraken");
			assertAccessible(page);
			page.getByLabel("Eerste dag").fill("2030-01-02");
			page.getByLabel("Laatste dag").fill("2030-01-01");
			page.getByLabel("Reden getoond aan de burgers").fill("Inventaris");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toevoegen")).last().click();
			assertThat(page.locator("#error-summary")).containsText("Vul geldige data in");
			page.navigate(url("/desk/appointments"));
			assertThat(page.locator("h1")).hasText("Afspraken van de dag");
			assertAccessible(page);
			page.navigate(url("/desk/appointments/stats"));
			assertAccessible(page);
		}
	}
}
