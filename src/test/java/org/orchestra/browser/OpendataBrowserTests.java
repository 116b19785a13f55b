package org.orchestra.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A reuser searches the open-data portal in Dutch, narrows the results with two facets and opens a dataset. */
class OpendataBrowserTests extends BrowserTestSupport {

	static int count(Page page) {
		String heading = page.locator("#results-title").textContent().strip();
		return heading.startsWith("Geen") ? 0 : Integer.parseInt(heading.split(" ")[0]);
	}

	@Test
	void searchInDutchWithTwoFacetsThenOpenADataset() {
		try (BrowserContext context = context("nl-BE")) {
			Page page = context.newPage();
			page.navigate(url("/opendata"));
			assertThat(page.locator("html")).hasAttribute("lang", "nl");
			assertThat(page.locator("h1")).hasText("Open data");
			assertAccessible(page);

			page.getByLabel("Zoeken in de datasets").fill("demonstratiegegevens");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken").setExact(true)).click();
			int all = count(page);
			assertThat(all).isGreaterThan(20);

			Locator transport = page.locator("[data-facet=theme] a", new Page.LocatorOptions().setHasText("Vervoer"));
			int transportCount = Integer.parseInt(transport.locator(".od-count").textContent().strip());
			transport.click();
			assertThat(page.locator(".od-chips")).containsText("Thema: Vervoer");
			int afterTheme = count(page);
			assertThat(afterTheme).isEqualTo(transportCount).isLessThan(all);

			Locator geojson = page.locator("[data-facet=format] a", new Page.LocatorOptions().setHasText("GeoJSON"));
			int geojsonCount = Integer.parseInt(geojson.locator(".od-count").textContent().strip());
			assertThat(geojsonCount).isLessThan(afterTheme);
			geojson.click();
			assertThat(page.locator(".od-chips")).containsText("Formaat: GeoJSON");
			assertThat(count(page)).isEqualTo(geojsonCount);
			assertThat(page.locator("[data-facet=theme] a.selected .od-count")).hasText(Integer.toString(geojsonCount));
			assertAccessible(page);

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fietstellingen").setExact(true)).click();
			assertThat(page.locator("h1")).hasText("Fietstellingen");
			assertThat(page.locator(".warning")).containsText("Demonstratiegegevens");
			Locator distributions = page.locator("table.od-distributions");
			assertThat(distributions.locator("tbody tr")).hasCount(2);
			assertThat(distributions).containsText("Comptages / Tellingen (CSV)");
			Locator download = distributions.locator("tbody tr").first().locator("a.od-download");
			assertThat(download).isVisible();
			assertThat(download).containsText("Downloaden");
			assertThat(download).containsText("Comptages / Tellingen (CSV)");
			Locator preview = page.locator("table.od-preview-table").first();
			assertThat(preview.locator("thead th").first()).hasText("date");
			assertThat(preview.locator("tbody tr")).hasCount(20);
			assertThat(page.locator(".od-feature-count")).hasText("5 objecten");
			page.waitForFunction("() => document.querySelectorAll('.od-map path.leaflet-interactive').length >= 5");
			assertAccessible(page);
		}
	}
}
