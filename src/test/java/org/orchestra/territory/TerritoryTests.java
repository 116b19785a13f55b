package org.orchestra.territory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.orchestra.PlatformTests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Imports the real UrbIS data from ../shared/data and checks lookups against well-known places. */
class TerritoryTests extends PlatformTests {

	static final Path DATA = Path.of("../shared/data/brussels");

	@Autowired
	Territory territory;

	@Autowired
	TerritoryImports imports;

	@BeforeEach
	void importOfficialData() throws IOException {
		assertThat(DATA).as("Brussels reference data beside the project").isDirectory();
		if (territory.approximate() || territory.status().streets() == 0) {
			assertSucceeded(imports.importNow(ImportKind.COMMUNES, "communes",
					Files.readAllBytes(DATA.resolve("communes/brussels_communes_lambert72.geojson"))));
			assertSucceeded(imports.importNow(ImportKind.REGION, "region",
					Files.readAllBytes(DATA.resolve("region/brussels_region_urbis_wgs84.geojson"))));
			assertSucceeded(imports.importNow(ImportKind.STREETS, "streets",
					Files.readAllBytes(DATA.resolve("streets/brussels_street_names_by_commune_osm2020.csv"))));
		}
		assertSucceeded(imports.importNow(ImportKind.ROADS, "roads", fixture("roads-fixture.geojson")));
		assertSucceeded(imports.importNow(ImportKind.ADDRESSES, "addresses", fixture("addresses-fixture.csv")));
	}

	@Test
	void everyTownHallLiesInItsOwnCommune() {
		assertThat(territory.approximate()).isFalse();
		for (ReferenceCommunes.Reference commune : ReferenceCommunes.all().values()) {
			Place place = territory.locate(commune.townHall().getX(), commune.townHall().getY());
			assertThat(place.nisCode()).as("town hall of %s", commune.nameFr()).isEqualTo(commune.nisCode());
			assertThat(place.inRegion()).isTrue();
		}
	}

	@Test
	void wellKnownPlacesResolveToTheRightCommune() {
		assertThat(territory.locate(4.35222, 50.84676).communeFr()).as("Grand-Place").isEqualTo("Bruxelles");
		assertThat(territory.locate(4.34166, 50.89495).communeNl()).as("Atomium").isEqualTo("Brussel");
		assertThat(territory.locate(4.37225, 50.82770).nisCode()).as("Place Flagey").isEqualTo("21009");
	}

	@Test
	void pointsOutsideTheRegionAreRejected() {
		assertThat(territory.locate(4.7005, 50.8798).inRegion()).as("Leuven").isFalse();
		assertThat(territory.locate(4.2370, 50.7350).inRegion()).as("Halle").isFalse();
		assertThat(territory.locate(4.4990, 50.8560).inRegion()).as("Zaventem").isFalse();
		assertThat(territory.locate(4.7005, 50.8798).reason()).isEqualTo("outside");
	}

	@Test
	void lambert72ReprojectionIsWithinTwoMetres() throws IOException {
		Map<String, org.locationtech.jts.geom.Geometry> wgs84 = byNis(TerritoryFiles
			.communes(Files.readAllBytes(DATA.resolve("communes/brussels_communes_wgs84.geojson"))));
		Map<String, org.locationtech.jts.geom.Geometry> lambert = byNis(TerritoryFiles
			.communes(Files.readAllBytes(DATA.resolve("communes/brussels_communes_lambert72.geojson"))));
		assertThat(lambert.keySet()).hasSize(19).isEqualTo(wgs84.keySet());
		double worst = 0;
		for (String nis : wgs84.keySet()) {
			Coordinate[] expected = wgs84.get(nis).getCoordinates();
			Coordinate[] actual = lambert.get(nis).getCoordinates();
			assertThat(actual).hasSameSizeAs(expected);
			for (int i = 0; i < expected.length; i++) {
				double dx = (actual[i].x - expected[i].x) * 111_320 * Math.cos(Math.toRadians(expected[i].y));
				double dy = (actual[i].y - expected[i].y) * 110_540;
				worst = Math.max(worst, Math.hypot(dx, dy));
			}
		}
		assertThat(worst).as("largest difference in metres").isLessThan(2.0);
	}

	@Test
	void aPointNearARegionalRoadBelongsToTheRegion() {
		Place onTheRoad = territory.locate(4.3700, 50.8445);
		assertThat(onTheRoad.manager()).isEqualTo(Manager.REGION);
		assertThat(onTheRoad.roadNl()).isEqualTo("Wetstraat");
		assertThat(onTheRoad.reason()).isEqualTo("regional-road");
		assertThat(territory.locate(4.3700, 50.8445 + 0.000027).manager()).as("about 3 m away").isEqualTo(Manager.REGION);
		Place further = territory.locate(4.3700, 50.8445 + 0.00018);
		assertThat(further.manager()).as("about 19 m away").isEqualTo(Manager.COMMUNE);
		assertThat(further.nisCode()).isEqualTo("21004");
		assertThat(territory.locate(4.3670, 50.8411).manager()).as("on a communal road").isEqualTo(Manager.COMMUNE);
	}

	@Test
	void addressSearchIsBilingualAccentInsensitiveAndToleratesTypos() {
		assertThat(territory.searchAddresses("Wetstraat", 5)).first()
			.satisfies(a -> assertThat(a.streetFr()).isEqualTo("Rue de la Loi"));
		assertThat(territory.searchAddresses("rue de la lio, bruxelles", 5)).first()
			.satisfies(a -> assertThat(a.streetNl()).isEqualTo("Wetstraat"));
		assertThat(territory.searchAddresses("CHAUSSEE D'IXELLES, 1050", 5)).first()
			.satisfies(a -> assertThat(a.nisCode()).isEqualTo("21009"));
		assertThat(territory.searchAddresses("Elsensesteenweg, Elsene", 5)).first()
			.satisfies(a -> assertThat(a.streetFr()).isEqualTo("Chaussée d'Ixelles"));
		assertThat(territory.searchAddresses("Nieuwstraat 1000", 5)).first()
			.satisfies(a -> assertThat(a.communeFr()).isEqualTo("Bruxelles"));
		assertThat(territory.searchAddresses("zzzqqq xylophone", 5)).isEmpty();
	}

	@Test
	void aHouseNumberWithAnAddressPointGivesItsExactLocation() {
		Address address = territory.searchAddresses("Wetstraat 16, 1040 Brussel", 5).get(0);
		assertThat(address.houseNumber()).isEqualTo("16");
		assertThat(address.approximateLocation()).isFalse();
		assertThat(address.lon()).isEqualTo(4.3703);
		Address without = territory.searchAddresses("Wetstraat 200, Brussel", 5).get(0);
		assertThat(without.approximateLocation()).isTrue();
	}

	@Test
	void reverseLookupFindsTheNearestNamedRoad() throws Exception {
		mvc.perform(get("/api/territory/reverse").param("lon", "4.3700").param("lat", "50.8446"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.nameNl").value("Wetstraat"))
			.andExpect(jsonPath("$.manager").value("REGION"));
		mvc.perform(get("/api/territory/reverse").param("lon", "4.40").param("lat", "50.80"))
			.andExpect(status().isNotFound());
	}

	@Test
	void badFilesAreReportedAndLeaveTheDataUntouched() throws IOException {
		String before = territory.communesGeoJson();
		String lambert = Files.readString(DATA.resolve("communes/brussels_communes_lambert72.geojson"));
		Map<String, String> bad = Map.of(
				"not json", "this is not GeoJSON",
				"missing crs", lambert.replaceFirst("\"crs\"\\s*:\\s*\\{[^}]*\\}\\s*\\}\\s*,", ""),
				"unsupported crs", lambert.replace("urn:ogc:def:crs:EPSG::31370", "urn:ogc:def:crs:EPSG::3857"),
				"unknown commune", Files.readString(DATA.resolve("communes/brussels_communes_wgs84.geojson"))
					.replaceFirst("\"nis_code\"\\s*:\\s*\"21001\"", "\"nis_code\": \"99999\""),
				"self-intersection", """
						{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"nis_code":"21001"},
						"geometry":{"type":"Polygon","coordinates":[[[4.30,50.83],[4.32,50.85],[4.32,50.83],[4.30,50.85],[4.30,50.83]]]}}]}""");
		Map<String, String> expected = Map.of("not json", "not a GeoJSON file", "missing crs", "missing CRS",
				"unsupported crs", "unsupported coordinate reference system", "unknown commune",
				"unknown commune code '99999'", "self-intersection", "self-intersecting geometry");
		for (Map.Entry<String, String> file : bad.entrySet()) {
			ImportJob job = imports.importNow(ImportKind.COMMUNES, file.getKey(),
					file.getValue().getBytes(StandardCharsets.UTF_8));
			assertThat(job.status()).as(file.getKey()).isEqualTo(ImportJob.Status.FAILED);
			assertThat(job.report()).as(file.getKey()).contains(expected.get(file.getKey()));
			assertThat(job.importedCount()).isZero();
		}
		assertThat(territory.communesGeoJson()).isEqualTo(before);
		assertThat(territory.locate(4.37225, 50.82770).nisCode()).isEqualTo("21009");
		ImportJob streets = imports.importNow(ImportKind.STREETS, "bad.csv",
				"nis_code,name_fr,name_nl\n21004,Rue Neuve,Nieuwstraat\n99999,Nulle part,Nergens\n"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(streets.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(streets.report()).contains("line 3: unknown commune code '99999'");
		assertThat(territory.status().streets()).isGreaterThan(5000);
	}

	@Test
	void approximateCommunesFromTownHallsCoverEachTownHall() {
		List<TerritoryIndex.CommuneShape> approximate = Territory.approximateCommunes();
		assertThat(approximate).hasSize(19);
		for (TerritoryIndex.CommuneShape shape : approximate) {
			assertThat(shape.geometry().covers(ReferenceCommunes.all().get(shape.nisCode()).townHall())).isTrue();
		}
	}

	@Test
	void theApiAnswersWithCachingHeadersAndRefusesBadCoordinates() throws Exception {
		String etag = mvc.perform(get("/api/territory/communes"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("max-age=3600")))
			.andExpect(jsonPath("$.features.length()").value(19))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		mvc.perform(get("/api/territory/communes").header("If-None-Match", etag)).andExpect(status().isNotModified());
		mvc.perform(get("/api/territory/region")).andExpect(status().isOk()).andExpect(jsonPath("$.features[0].geometry.type").exists());
		mvc.perform(get("/api/territory/lookup").param("lon", "4.35222").param("lat", "50.84676"))
			.andExpect(jsonPath("$.nisCode").value("21004"))
			.andExpect(jsonPath("$.inRegion").value(true));
		mvc.perform(get("/api/territory/lookup").param("lon", "abc").param("lat", "50.8")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/territory/lookup").param("lon", "500").param("lat", "50.8")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/territory/addresses").param("q", "")).andExpect(status().isBadRequest());
	}

	@Test
	void thePageWorksWithoutJavaScript() throws Exception {
		mvc.perform(get("/territory").param("q", "Wetstraat, Brussel").header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Wetstraat")));
		mvc.perform(get("/territory").param("lon", "4.37225").param("lat", "50.82770").header("Accept-Language", "nl"))
			.andExpect(content().string(containsString("Elsene")));
	}

	@Test
	void importsFromThePageNeedThePrivilegeAndRunAsAJob() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "roads.geojson", "application/geo+json",
				fixture("roads-fixture.geojson"));
		mvc.perform(multipart("/territory/admin/imports").file(file).param("kind", "ROADS")
			.session(login("admin.ixelles")).with(csrf())).andExpect(status().isForbidden());
		MockHttpSession admin = login("admin.region");
		String location = mvc.perform(multipart("/territory/admin/imports").file(file).param("kind", "ROADS")
			.session(admin).with(csrf())).andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
		eventually(() -> mvc.perform(get(location).session(admin).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("data-value=\"SUCCEEDED\""))));
		mvc.perform(get("/territory/admin").session(admin)).andExpect(status().isOk());
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'territory.import.roads'", Integer.class)).isPositive());
	}

	private static Map<String, org.locationtech.jts.geom.Geometry> byNis(
			TerritoryFiles.Parsed<TerritoryFiles.CommuneRecord> parsed) {
		assertThat(parsed.report().succeeded()).as(parsed.report().text(5)).isTrue();
		Map<String, org.locationtech.jts.geom.Geometry> result = new java.util.HashMap<>();
		parsed.records().forEach(r -> result.put(r.nisCode(), r.geometry()));
		return result;
	}

	private static void assertSucceeded(ImportJob job) {
		assertThat(job.status()).as(job.report()).isEqualTo(ImportJob.Status.SUCCEEDED);
	}

	private static byte[] fixture(String name) throws IOException {
		return TerritoryTests.class.getResourceAsStream("/territory/" + name).readAllBytes();
	}
}
