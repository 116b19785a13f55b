package org.orchestra.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orchestra.territory.ImportKind;
import org.orchestra.territory.Territory;
import org.orchestra.territory.TerritoryImports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen orders face masks in Dutch on a phone: an answer refused with an inline error, two steps, the summary,
 * the commune chosen, the reference and the status; then the commune's agent finds it in the desk queue.
 */
class FormsBrowserTests extends BrowserTestSupport {

	static final Path DATA = Path.of("../shared/data/brussels");

	@Autowired
	TerritoryImports imports;

	@Autowired
	Territory territory;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void geography() throws Exception {
		if (territory.approximate()) {
			imports.importNow(ImportKind.COMMUNES, "communes",
					Files.readAllBytes(DATA.resolve("communes/brussels_communes_lambert72.geojson")));
		}
		imports.importNow(ImportKind.STREETS, "streets",
				Files.readAllBytes(DATA.resolve("streets/brussels_street_names_by_commune_osm2020.csv")));
	}

	@Test
	void aCitizenOrdersFaceMasksInDutchOnAPhone() {
		try (BrowserContext context = context("nl-BE")) {
			Page page = context.newPage();
			signIn(page, "citizen.demo");
			page.navigate(url("/forms/face-mask-order"));
			assertThat(page.locator("h1")).hasText("Bestelling van stoffen mondmaskers");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Beginnen")).click();

			assertThat(page.locator("h1")).containsText("Uw bestelling");
			page.getByLabel("Aantal mondmaskers").fill("12");
			page.getByText("Volwassene").click();
			assertAccessible(page);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan en verder")).click();
			assertThat(page.locator(".error-summary")).containsText("De grootste waarde is 10");
			page.getByLabel("Aantal mondmaskers").fill("3");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan en verder")).click();

			assertThat(page.locator("h1")).containsText("Levering");
			page.getByLabel("Naam van de ontvanger").fill("Demo Burger");
			page.getByLabel("Leveringsadres").fill("Flageyplein, Elsene");
			page.getByText("Ik ga akkoord").click();
			assertAccessible(page);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan en verder")).click();

			assertThat(page.locator("h1")).hasText("Controleer uw antwoorden");
			assertThat(page.locator("main")).containsText("Demo Burger");
			page.getByLabel("Versturen naar").selectOption("commune-21009");
			assertAccessible(page);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen").setExact(true)).click();

			assertThat(page.locator(".badge").first()).hasText("Ontvangen");
			String reference = page.locator("dd strong").first().textContent();
			assertThat(reference).matches("F-\\d{4}-\\d{6}");
			assertAccessible(page);

			context.clearCookies();
			signIn(page, "agent.ixelles");
			page.navigate(url("/desk/forms"));
			assertThat(page.locator("table")).containsText(reference);
		}
	}
}
