package org.orchestra.opendata;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public portal on the demo catalogue: search with facets and filters in French and Dutch, sorting and paging,
 * a dataset's page with its distributions, previews and quality, withdrawn datasets, refusals of bad input, the
 * publishers; and the preview component itself against a local HTTP server.
 */
class PortalPagesTests extends PlatformTests {

	static final OrganisationId IXELLES = OrganisationId.of("commune-21009");

	@Autowired
	OpenData openData;

	@Autowired
	DatasetStore store;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Datasets datasets;

	String page(String url, String language) throws Exception {
		return page(url, language, 200);
	}

	String page(String url, String language, int status) throws Exception {
		MvcResult result = mvc.perform(get(url).header("Accept-Language", language)
			.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
			.accept("text/html,application/xhtml+xml,*/*;q=0.8"))
			.andExpect(status().is(status))
			.andReturn();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	String slugOf(String demoKey) {
		return jdbc.queryForObject("select slug from opendata_dataset where identity_key = ?", String.class,
				"demo-" + demoKey);
	}

	static DatasetRecord record(String unique, String titleFr, String titleNl, String url, String format) {
		return new DatasetRecord(unique, DatasetRecord.Kind.DATASET, null, null, Map.of("fr", titleFr, "nl", titleNl),
				Map.of("fr", "Description " + unique, "nl", "Beschrijving " + unique), List.of("test-" + unique),
				List.of("SOCI"), List.of("fr", "nl"), Vocabularies.LICENCE_BASE + "CC0", null, null, null, null, null,
				null, null, null, null, null, Instant.now(), null,
				List.of(new DatasetRecord.DistributionRecord(null, Map.of("fr", "Fichier " + unique), Map.of(), url, url,
						format, null, null, null, null)),
				null, null);
	}

	Dataset create(DatasetRecord record) {
		return TenantContext.callAs(IXELLES, () -> transactions.execute(s -> store.createLocal(IXELLES, record, false)));
	}

	@Test
	void searchWithFacetsAndFiltersInFrenchAndDutch() throws Exception {
		String french = page("/opendata?q=velo", "fr");
		assertThat(french).contains("<html lang=\"fr\"").contains("Données ouvertes")
			.contains("Stations de vélos partagés")
			.contains("Comptages de vélos");
		assertThat(french).contains("data-facet=\"theme\"").contains("Transports").contains("Thème");
		assertThat(french).contains("data-facet=\"publisher\"").contains("Bruxelles Mobilité");
		assertThat(french).contains("Creative Commons Attribution 4.0").contains("GeoJSON");

		long all = openData.search(new SearchQuery("fiets", Map.of(), SearchQuery.Sort.RELEVANCE, 0, 20, "nl")).total();
		long csv = openData.search(new SearchQuery("fiets", Map.of(SearchQuery.FORMAT, List.of("CSV")),
				SearchQuery.Sort.RELEVANCE, 0, 20, "nl")).total();
		assertThat(csv).isPositive().isLessThan(all);

		String dutch = page("/opendata?q=fiets", "nl");
		assertThat(dutch).contains("<html lang=\"nl\"").contains("Deelfietsstations").contains("Fietstellingen")
			.contains("Vervoer").contains("Thema").contains("Brussel Mobiliteit");
		assertThat(dutch).contains(all == 1 ? "1 dataset" : all + " datasets");
		assertThat(dutch).contains("href=\"/opendata?q=fiets&amp;format=CSV\"");

		String filtered = page("/opendata?q=fiets&format=CSV", "nl");
		assertThat(filtered).contains(csv == 1 ? "1 dataset" : csv + " datasets")
			.contains("Fietstellingen")
			.doesNotContain("Deelfietsstations")
			.contains("Toegepaste filters")
			.contains("Formaat: CSV")
			.contains("href=\"/opendata?q=fiets\"");

		String keyword = page("/opendata?keyword=Vélo", "fr");
		assertThat(keyword).contains("Mot-clé: vélo").contains("Stations de vélos partagés")
			.doesNotContain("Parkings publics");
		assertThat(french).contains(">vélo<").doesNotContain(">velo<");

		String twoFacets = page("/opendata?theme=TRAN&publisher=agency-mobility&format=GEOJSON", "fr");
		long expected = openData.search(new SearchQuery("", Map.of(SearchQuery.THEME, List.of("TRAN"),
				SearchQuery.PUBLISHER, List.of("agency-mobility"), SearchQuery.FORMAT, List.of("GEOJSON")),
				SearchQuery.Sort.RELEVANCE, 0, 20, "fr")).total();
		assertThat(expected).isGreaterThanOrEqualTo(3);
		assertThat(twoFacets).contains(expected + " jeux de données").contains("Stations de vélos partagés")
			.doesNotContain("Arbres d&#39;alignement à Ixelles");
	}

	@Test
	void sortingAndPaging() throws Exception {
		assertThat(openData.search(SearchQuery.all(0, 20)).total()).isGreaterThan(20);
		SearchResult best = openData.search(new SearchQuery("", Map.of(), SearchQuery.Sort.QUALITY, 0, 20, "fr"));
		SearchResult worst = openData.search(new SearchQuery("", Map.of(), SearchQuery.Sort.QUALITY,
				best.pages() - 1, 20, "fr"));
		String first = page("/opendata?sort=quality", "fr");
		String top = best.datasets().getFirst().titleIn("fr").replace("'", "&#39;");
		assertThat(first).contains(top).contains("Page 1 sur " + best.pages()).contains("rel=\"next\"");
		String last = page("/opendata?sort=quality&page=" + best.pages(), "fr");
		String bottom = worst.datasets().getLast().titleIn("fr").replace("'", "&#39;");
		assertThat(last).contains(bottom).doesNotContain(">" + top + "<").contains("rel=\"prev\"");
		assertThat(best.datasets().getFirst().quality().total())
			.isGreaterThan(worst.datasets().getLast().quality().total());

		String byTitle = page("/opendata?sort=title&publisher=agency-mobility", "fr");
		assertThat(byTitle.indexOf("Chantiers sur les voiries régionales"))
			.isPositive()
			.isLessThan(byTitle.indexOf("Stations de vélos partagés"));
		String byTitleNl = page("/opendata?sort=title&publisher=agency-mobility", "nl");
		assertThat(byTitleNl.indexOf("Deelfietsstations")).isPositive()
			.isLessThan(byTitleNl.indexOf("Werken op de gewestwegen"));
	}

	@Test
	void aDatasetPageShowsItsDistributionsPreviewsAndQuality() throws Exception {
		String html = page("/opendata/datasets/" + slugOf("bicycle-counts"), "fr");
		assertThat(html).contains("<h1>Comptages de vélos</h1>")
			.contains("Données et accès")
			.contains("Comptages / Tellingen (CSV)")
			.contains("/distributions/")
			.contains("/download")
			.contains("Démo");
		// the CSV preview: a table with its header and the first 20 of 24 rows
		assertThat(html).contains("Aperçu : Comptages / Tellingen (CSV)")
			.contains("<th scope=\"col\">counter</th>")
			.contains("Les 20 premières lignes du fichier.")
			.contains("2025-05-07")
			.doesNotContain("2025-05-08");
		// the GeoJSON preview: the feature count and properties without JavaScript, the data for the map
		assertThat(html).contains("5 objets").contains("<th scope=\"col\">docks</th>").contains("Demo station 3")
			.contains("id=\"od-geojson\"")
			.contains("leaflet.js");
		assertThat(html).contains("Qualité des métadonnées").contains("Trouvabilité")
			.doesNotContain("Ce qui l&#39;améliorerait");

		String poor = page("/opendata/datasets/" + slugOf("road-accidents"), "nl");
		assertThat(poor).contains("Verkeersongevallen").contains("Wat het zou verbeteren").contains("Kies minstens één Europees datathema")
			.contains("Voldoende: ");
		assertThat(openData.dataset(slugOf("road-accidents")).orElseThrow().quality().total())
			.isLessThan(openData.dataset(slugOf("bicycle-counts")).orElseThrow().quality().total());

		String service = page("/opendata/datasets/" + slugOf("parking-api"), "en");
		assertThat(service).contains("Car park occupancy API (demo)").contains("parking-occupancy.json")
			.contains("API / data service");
	}

	@Test
	void previewsOfFilesServedOverHttp() {
		StringBuilder big = new StringBuilder("a,b\n");
		for (int i = 0; i < 2000; i++) {
			big.append(i).append(",\"quoted, ").append(i).append("\"\n");
		}
		try (FixtureServer server = FixtureServer.start()) {
			server.serve("/data.csv", "text/csv", "name;value\n\"Élément ; un\";1\ndeux;2\n")
				.serve("/big.csv", "text/csv", big.toString())
				.serve("/data.geojson", "application/geo+json",
						"{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
								+ "\"coordinates\":[4.35,50.85]},\"properties\":{\"name\":\"<b>A</b>\"}},{\"type\":\"Feature\","
								+ "\"geometry\":null,\"properties\":{\"name\":\"B\",\"n\":2}}]}")
				.serve("/broken.geojson", "application/geo+json", "{\"type\": \"FeatureCollection\", \"features\": [")
				.handle("/loop", exchange -> {
					exchange.getResponseHeaders().set("Location", "/loop");
					exchange.sendResponseHeaders(302, -1);
					exchange.close();
				});
			DistributionPreview allowed = new DistributionPreview("http://localhost:8080", true, 4096);

			DistributionPreview.Table table = (DistributionPreview.Table) allowed.csv(server.url("/data.csv"));
			assertThat(table.header()).containsExactly("name", "value");
			assertThat(table.rows()).containsExactly(List.of("Élément ; un", "1"), List.of("deux", "2"));
			assertThat(table.truncated()).isFalse();

			DistributionPreview.Table cut = (DistributionPreview.Table) allowed.csv(server.url("/big.csv"));
			assertThat(cut.rows()).hasSize(DistributionPreview.ROWS);
			assertThat(cut.rows().get(3)).containsExactly("3", "quoted, 3");
			assertThat(cut.truncated()).isTrue();

			DistributionPreview.Features features = (DistributionPreview.Features) allowed
				.geojson(server.url("/data.geojson"));
			assertThat(features.count()).isEqualTo(2);
			assertThat(features.properties().header()).containsExactly("name", "n");
			assertThat(features.properties().rows()).containsExactly(List.of("<b>A</b>", ""), List.of("B", "2"));
			assertThat(features.geojson()).doesNotContain("<b>").contains("\\u003cb\\u003e");

			assertThat(allowed.geojson(server.url("/broken.geojson")))
				.isEqualTo(new DistributionPreview.Unavailable("opendata.preview.error.invalid"));
			assertThat(allowed.csv(server.url("/missing.csv")))
				.isEqualTo(new DistributionPreview.Unavailable("opendata.preview.error.status"));
			assertThat(allowed.csv(server.url("/loop")))
				.isEqualTo(new DistributionPreview.Unavailable("opendata.preview.error.redirects"));
			assertThat(allowed.csv("ftp://127.0.0.1/data.csv"))
				.isEqualTo(new DistributionPreview.Unavailable("opendata.preview.error.scheme"));
			assertThat(allowed.csv("file:///etc/passwd"))
				.isEqualTo(new DistributionPreview.Unavailable("opendata.preview.error.scheme"));

			DistributionPreview strict = new DistributionPreview("http://localhost:8080", false, 4096);
			assertThat(strict.csv(server.url("/data.csv")))
				.isEqualTo(new DistributionPreview.Unavailable("opendata.preview.error.private-address"));
			assertThat(strict.csv("http://169.254.169.254/latest/meta-data"))
				.isEqualTo(new DistributionPreview.Unavailable("opendata.preview.error.private-address"));
			assertThat(strict.csv("http://[::1]:8080/data.csv"))
				.isEqualTo(new DistributionPreview.Unavailable("opendata.preview.error.private-address"));
			assertThat(server.hits("/data.csv")).as("only the lenient preview asked").isEqualTo(1);
			// the platform's own demo files are read from the application, not over the network
			assertThat(strict.csv("http://localhost:8080/opendata/demo/population.csv"))
				.isInstanceOf(DistributionPreview.Table.class);
			assertThat(strict.csv("http://localhost:8080/opendata/demo/../../application.properties"))
				.isInstanceOf(DistributionPreview.Unavailable.class);
		}
	}

	@Test
	void aPreviewFromAPrivateAddressIsRefusedOnThePage() throws Exception {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		try (FixtureServer server = FixtureServer.start()) {
			server.serve("/secret.csv", "text/csv", "secret,value\nhidden-row,s3cr3t-value\n");
			Dataset dataset = create(record(unique, "Fichier interne " + unique, "Intern bestand " + unique,
					server.url("/secret.csv"), "CSV"));
			String html = page("/opendata/datasets/" + dataset.slug(), "fr");
			assertThat(html).contains("Fichier interne " + unique)
				.contains("Le fichier se trouve sur une adresse de réseau privé : pas d&#39;aperçu.")
				.doesNotContain("s3cr3t-value");
			assertThat(server.hits("/secret.csv")).isZero();
		}
	}

	@Test
	void aWithdrawnDatasetIsGoneAndOutOfSearch() throws Exception {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		Dataset dataset = create(record(unique, "Jeu retiré " + unique, "Ingetrokken set " + unique,
				"https://example.org/" + unique + ".csv", "CSV"));
		assertThat(page("/opendata?q=" + unique, "fr")).contains("Jeu retiré " + unique);
		TenantContext.runAs(IXELLES, () -> transactions.executeWithoutResult(
				s -> store.withdrawLocal(datasets.findById(dataset.id()).orElseThrow())));

		String gone = page("/opendata/datasets/" + dataset.slug(), "fr", 410);
		assertThat(gone).contains("Jeu de données retiré").contains("Jeu retiré " + unique);
		String goneNl = page("/opendata/datasets/" + dataset.slug(), "nl", 410);
		assertThat(goneNl).contains("Ingetrokken dataset");
		assertThat(page("/opendata?q=" + unique, "fr")).doesNotContain("Jeu retiré " + unique)
			.contains("Aucun jeu de données");
		UUID distribution = dataset.distributions().getFirst().id();
		mvc.perform(get("/opendata/datasets/" + dataset.slug() + "/distributions/" + distribution + "/download")
			.header("User-Agent", "Mozilla/5.0")).andExpect(status().isGone());
	}

	@Test
	void badInputGetsAClearErrorPageNotAServerError() throws Exception {
		assertThat(page("/opendata?page=abc", "fr", 400)).contains("La demande n&#39;a pas pu être traitée");
		assertThat(page("/opendata?page=0", "nl", 400)).contains("Het verzoek kon niet worden behandeld");
		assertThat(page("/opendata?sort=cheapest", "fr", 400)).contains("Ordre de tri inconnu.");
		assertThat(page("/opendata?q=a&q=b", "en", 400)).contains("A search parameter is repeated or too long.");
		assertThat(page("/opendata?q=" + "x".repeat(300), "fr", 400)).contains("trop long");
		assertThat(page("/opendata?q=%F0%9F%98%80%00%27%22%3Cscript%3E", "fr")).contains("Aucun jeu de données")
			.doesNotContain("<script>");
		assertThat(page("/opendata/datasets/no-such-dataset", "fr", 404))
			.contains("Ce jeu de données ou cette page n&#39;existe pas.");
		assertThat(page("/opendata/publishers/no-such-publisher", "nl", 404)).contains("bestaat niet");
		assertThat(page("/opendata/publishers/region?page=-3", "fr", 400)).contains("La demande");
		mvc.perform(get("/opendata/datasets/" + slugOf("bicycle-counts") + "/distributions/not-a-uuid/download"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/opendata/datasets/" + slugOf("bicycle-counts") + "/distributions/" + UUID.randomUUID()
				+ "/download")).andExpect(status().isNotFound());
	}

	@Test
	void publishersWithTheirDatasetsAndQuality() throws Exception {
		String list = page("/opendata/publishers", "nl");
		assertThat(list).contains("Uitgevers van open data").contains("Brussel Mobiliteit").contains("Gemeente Elsene")
			.contains("href=\"/opendata/publishers/agency-mobility\"");
		String mobility = page("/opendata/publishers/agency-mobility", "fr");
		assertThat(mobility).contains("<h1>Bruxelles Mobilité</h1>").contains("Stations de vélos partagés")
			.contains("Utilisation sur les 12 derniers mois")
			.contains("href=\"/opendata?publisher=agency-mobility\"")
			.doesNotContain("Arbres d&#39;alignement à Ixelles");
	}
}
