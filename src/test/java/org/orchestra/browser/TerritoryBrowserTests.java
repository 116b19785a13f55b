package org.orchestra.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orchestra.territory.ImportKind;
import org.orchestra.territory.TerritoryImports;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A resident picks a place on the map and by address search, in Dutch. */
class TerritoryBrowserTests extends BrowserTestSupport {

	static final Path DATA = Path.of("../shared/data/brussels");

	@Autowired
	TerritoryImports imports;

	@BeforeEach
	void importStreets() throws Exception {
		imports.importNow(ImportKind.COMMUNES, "communes",
				Files.readAllBytes(DATA.resolve("communes/brussels_communes_wgs84.geojson")));
		imports.importNow(ImportKind.STREETS, "streets",
				Files.readAllBytes(DATA.resolve("streets/brussels_street_names_by_commune_osm2020.csv")));
	}

	@Test
	void aPlaceIsPickedOnTheMapAndByAddressSearchInDutch() {
		try (BrowserContext context = context("nl-BE")) {
			Page page = context.newPage();
			page.navigate(url("/territory"));
			assertThat(page.locator("h1")).hasText("Waar is het, wie beheert het?");
			Locator map = page.locator(".map");
			assertThat(map).isVisible();
			page.waitForFunction("() => document.querySelectorAll('.map path.leaflet-interactive').length >= 19");

			// the map opens on the Grand-Place: a click in the middle drops the pin in Brussel
			map.click();
			assertThat(page.locator("[data-result]")).containsText("Gemeente: Brussel");
			assertThat(page.locator(".leaflet-marker-icon")).isVisible();

			page.getByLabel("Adres", new Page.GetByLabelOptions().setExact(true)).fill("Elsensesteenweg, Elsene");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken")).click();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kiezen: Elsense Steenweg, 1050 Elsene")).click();
			assertThat(page.locator("[data-result]")).containsText("Gemeente: Elsene");
			assertThat(page.locator("#lon")).not().hasValue("");
			assertAccessible(page);
		}
	}

	@Test
	void withTheKeyboardThePinGoesToTheCentreOfTheMap() {
		try (BrowserContext context = context("fr-BE")) {
			Page page = context.newPage();
			page.navigate(url("/territory"));
			page.locator(".map").focus();
			page.keyboard().press("Enter");
			assertThat(page.locator("[data-result]")).containsText("Commune: Bruxelles");
		}
	}
}
