package org.orchestra.opendata.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.orchestra.opendata.Dataset;
import org.orchestra.opendata.DatasetRecord;
import org.orchestra.opendata.DatasetRecord.DistributionRecord;
import org.orchestra.opendata.DatasetRecord.Kind;
import org.orchestra.opendata.DatasetStore;
import org.orchestra.opendata.Vocabularies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The CKAN-compatible read API as CKAN clients and harvesters use it, anonymously: each action, paging, facets,
 * {@code fq} filters, CKAN's error shapes and statuses, and a ckanext-harvest-style walk ({@code rows=100},
 * {@code start+=100}, {@code sort=id asc}) that sees every published dataset exactly once.
 */
class CkanApiTests extends PlatformTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Three datasets of two publishers sharing a word, with distinct tags, formats, licences and themes. */
	private static String word;
	private static Dataset bikes;
	private static Dataset parking;
	private static Dataset trees;
	private static CatalogueTestData.Created data;

	@Autowired
	DatasetStore store;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EntityManager entities;

	@BeforeEach
	void datasets() {
		synchronized (CkanApiTests.class) {
			if (data != null) {
				return;
			}
			data = CatalogueTestData.create(store, transactions, entities);
			word = "ckanword" + data.unique();
			bikes = CatalogueTestData.local(store, transactions, CatalogueTestData.REGION,
					record("bikes", "Vélos " + word, List.of("vélo", "mobilité"), "TRAN", "CSV", "CC_BY_4_0"));
			parking = CatalogueTestData.local(store, transactions, CatalogueTestData.REGION,
					record("parking", "Parkings " + word, List.of("parking", "mobilité"), "TRAN", "GEOJSON", "CC0"));
			trees = CatalogueTestData.local(store, transactions, CatalogueTestData.IXELLES,
					record("trees", "Arbres " + word, List.of("arbres"), "ENVI", "CSV", "CC_BY_4_0"));
		}
	}

	static DatasetRecord record(String name, String title, List<String> keywords, String theme, String format,
			String licence) {
		String id = name + "-" + word;
		return new DatasetRecord(id, Kind.DATASET, null, id, Map.of("fr", title, "nl", title + " (nl)"),
				Map.of("fr", "Description " + title, "en", "Description in English"), keywords, List.of(theme),
				List.of("fr", "nl"), Vocabularies.LICENCE_BASE + licence, null, null, null, null, null,
				"4.3,50.8,4.4,50.9", "Contact", "contact@example.org", "https://example.org/" + id, null,
				Instant.parse("2024-03-01T00:00:00Z"), null,
				List.of(new DistributionRecord(null, Map.of("fr", "Fichier"), Map.of(),
						"https://example.org/files/" + id + "." + format.toLowerCase(), null, format, null, null, 42L,
						null)),
				null, null);
	}

	@Test
	void packageSearchFindsPagesSortsAndCountsFacets() throws Exception {
		JsonNode result = ok(get("/api/3/action/package_search").param("q", word)
			.param("facet.field", "[\"organization\",\"tags\",\"res_format\",\"license_id\",\"groups\"]")
			.param("sort", "title_string asc"));
		assertThat(result.get("count").asLong()).isEqualTo(3);
		assertThat(result.get("sort").asString()).isEqualTo("title_string asc");
		assertThat(names(result.get("results"))).containsExactly(trees.slug(), parking.slug(), bikes.slug());
		JsonNode facets = result.get("facets");
		assertThat(facets.get("organization").get("region").asLong()).isEqualTo(2);
		assertThat(facets.get("organization").get("commune-21009").asLong()).isEqualTo(1);
		assertThat(facets.get("res_format").get("CSV").asLong()).isEqualTo(2);
		assertThat(facets.get("license_id").get("CC_BY_4_0").asLong()).isEqualTo(2);
		assertThat(facets.get("groups").get("tran").asLong()).isEqualTo(2);
		assertThat(facets.get("tags").get("mobilite").asLong()).isEqualTo(2);
		JsonNode organizations = result.get("search_facets").get("organization");
		assertThat(organizations.get("title").asString()).isEqualTo("organization");
		JsonNode region = find(organizations.get("items"), "name", "region");
		assertThat(region.get("count").asLong()).isEqualTo(2);
		assertThat(region.get("display_name").asString()).isEqualTo("Région de Bruxelles-Capitale");
		assertThat(find(result.get("search_facets").get("groups").get("items"), "name", "tran").get("display_name")
			.asString()).isEqualTo("Transports");

		JsonNode page = ok(get("/api/3/action/package_search").param("q", word).param("rows", "2").param("start", "2")
			.param("sort", "title_string asc"));
		assertThat(page.get("count").asLong()).isEqualTo(3);
		assertThat(names(page.get("results"))).containsExactly(bikes.slug());
		assertThat(page.get("facets").isEmpty()).isTrue();
		JsonNode countOnly = ok(get("/api/3/action/package_search").param("q", word).param("rows", "0"));
		assertThat(countOnly.get("count").asLong()).isEqualTo(3);
		assertThat(countOnly.get("results").isEmpty()).isTrue();
		JsonNode capped = ok(get("/api/3/action/package_search").param("rows", "5000"));
		assertThat(capped.get("results").size()).isLessThanOrEqualTo(CkanApiController.ROWS_MAX);
		JsonNode recent = ok(get("/api/3/action/package_search").param("q", word).param("sort", "metadata_modified desc"));
		assertThat(names(recent.get("results"))).containsExactly(trees.slug(), parking.slug(), bikes.slug());
		JsonNode posted = ok(post("/api/3/action/package_search").contentType(MediaType.APPLICATION_JSON)
			.content("{\"q\": \"" + word + "\", \"rows\": 1, \"fq\": \"organization:commune-21009\"}"));
		assertThat(names(posted.get("results"))).containsExactly(trees.slug());
	}

	@Test
	void filterQueriesNarrowAsCkanDoes() throws Exception {
		assertThat(search("organization:commune-21009")).containsExactly(trees.slug());
		assertThat(search("-organization:commune-21009")).containsExactlyInAnyOrder(bikes.slug(), parking.slug());
		assertThat(search("organization:region OR organization:commune-21009")).hasSize(3);
		assertThat(search("organization:(region OR commune-21009)")).hasSize(3);
		assertThat(search("tags:mobilité")).containsExactlyInAnyOrder(bikes.slug(), parking.slug());
		assertThat(search("tags:\"arbres\"")).containsExactly(trees.slug());
		assertThat(search("res_format:csv")).containsExactlyInAnyOrder(bikes.slug(), trees.slug());
		assertThat(search("license_id:CC0")).containsExactly(parking.slug());
		assertThat(search("groups:envi")).containsExactly(trees.slug());
		assertThat(search("groups:tran res_format:GEOJSON")).containsExactly(parking.slug());
		assertThat(search("+dataset_type:dataset organization:region")).hasSize(2);
		assertThat(search("dataset_type:harvest")).isEmpty();
		assertThat(search("metadata_modified:[2000-01-01T00:00:00Z TO *]")).hasSize(3);
		assertThat(search("metadata_modified:[2999-01-01T00:00:00.000000Z TO *]")).isEmpty();
		assertThat(search("metadata_modified:[* TO 2000-01-01T00:00:00Z]")).isEmpty();

		JsonNode error = error(get("/api/3/action/package_search").param("fq", "owner:someone"), 409, "Validation Error");
		assertThat(error.has("fq")).isTrue();
		error(get("/api/3/action/package_search").param("fq", "organization:a OR tags:b"), 409, "Validation Error");
		error(get("/api/3/action/package_search").param("fq", "metadata_modified:[yesterday TO *]"), 409,
				"Validation Error");
		error(get("/api/3/action/package_search").param("fq", "tags:\"unclosed"), 409, "Validation Error");
	}

	@Test
	void packageShowGivesACkanPackageByNameOrId() throws Exception {
		JsonNode byName = ok(get("/api/3/action/package_show").param("id", data.rich().slug()));
		JsonNode byId = ok(get("/api/3/action/package_show").param("id", data.rich().id().toString()));
		assertThat(byId).isEqualTo(byName);
		String u = data.unique();
		assertThat(byName.get("id").asString()).isEqualTo(data.rich().id().toString());
		assertThat(byName.get("name").asString()).isEqualTo(data.rich().slug());
		assertThat(byName.get("title").asString()).isEqualTo("Stations de vélos partagés " + u);
		assertThat(byName.get("title_translated").get("nl").asString()).isEqualTo("Deelfietsstations " + u);
		assertThat(byName.get("notes_translated").get("en").asString()).isEqualTo("Location and capacity of the stations");
		assertThat(byName.get("url").asString()).isEqualTo("https://data.example.org/pages/bikes-" + u);
		assertThat(byName.get("license_id").asString()).isEqualTo("CC_BY_4_0");
		assertThat(byName.get("license_title").asString()).isEqualTo("Creative Commons Attribution 4.0");
		assertThat(byName.get("license_url").asString()).isEqualTo(Vocabularies.LICENCE_BASE + "CC_BY_4_0");
		assertThat(byName.get("isopen").asBoolean()).isTrue();
		assertThat(byName.get("owner_org").asString()).isEqualTo("region");
		assertThat(byName.get("organization").get("name").asString()).isEqualTo("region");
		assertThat(byName.get("organization").get("title").asString()).isEqualTo("Région de Bruxelles-Capitale");
		assertThat(byName.get("state").asString()).isEqualTo("active");
		assertThat(byName.get("private").asBoolean()).isFalse();
		assertThat(byName.get("type").asString()).isEqualTo("dataset");
		assertThat(byName.get("num_resources").asInt()).isEqualTo(2);
		assertThat(byName.get("num_tags").asInt()).isEqualTo(3);
		assertThat(names(byName.get("tags"))).containsExactly("mobilité", "vélo", "fiets-bike " + u);
		assertThat(names(byName.get("groups"))).containsExactly("tran", "envi");
		assertThat(byName.get("metadata_modified").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
		JsonNode csv = byName.get("resources").get(0);
		assertThat(csv.get("url").asString()).isEqualTo("https://data.example.org/files/bikes-" + u + ".csv?download=1");
		assertThat(csv.get("format").asString()).isEqualTo("CSV");
		assertThat(csv.get("mimetype").asString()).isEqualTo("text/csv");
		assertThat(csv.get("size").asLong()).isEqualTo(123_456L);
		assertThat(csv.get("name").asString()).isEqualTo("Fichier CSV");
		assertThat(csv.get("last_modified").asString()).isEqualTo("2024-06-01T10:00:00.000000");
		Map<String, String> extras = extras(byName);
		assertThat(extras).containsEntry("uri", data.rich().uri())
			.containsEntry("identifier", "rich-" + u)
			.containsEntry("language", "[\"fr\",\"nl\",\"en\"]")
			.containsEntry("spatial_uri", "https://sws.geonames.org/2800866/")
			.containsEntry("temporal_start", "2020-01-01")
			.containsEntry("temporal_end", "2024-12-31")
			.containsEntry("contact_email", "opendata@mobility.example.org")
			.containsKey("spatial");
		assertThat(JSON.readTree(extras.get("spatial")).get("type").asString()).isEqualTo("Polygon");

		JsonNode odd = ok(get("/api/3/action/package_show").param("id", data.odd().slug()));
		assertThat(odd.get("title").asString()).isEqualTo("Odd harvested title " + u);
		assertThat(odd.get("resources").get(0).get("url").asString())
			.isEqualTo("https://example.org/files/my%20file.csv");
		JsonNode withdrawn = ok(get("/api/3/action/package_show").param("id", data.withdrawn().slug()));
		assertThat(withdrawn.get("state").asString()).isEqualTo("deleted");
		JsonNode service = ok(get("/api/3/action/package_show").param("id", data.service().slug()));
		assertThat(extras(service)).containsEntry("dcat_type", "http://www.w3.org/ns/dcat#DataService")
			.containsEntry("endpoint_url", "https://api.example.org/v1/" + u);

		JsonNode notFound = error(get("/api/3/action/package_show").param("id", "no-such-" + u), 404, "Not Found Error");
		assertThat(notFound.get("message").asString()).isEqualTo("Not found");
		JsonNode missing = error(get("/api/3/action/package_show"), 409, "Validation Error");
		assertThat(missing.get("id").get(0).asString()).isEqualTo("Missing value");
	}

	@Test
	void packageListGivesEveryPublishedNameThenEachShows() throws Exception {
		List<String> expected = jdbc.queryForList(
				"select slug from opendata_dataset where status = 'PUBLISHED' order by slug", String.class);
		List<String> listed = new ArrayList<>();
		ok(get("/api/3/action/package_list")).forEach(n -> listed.add(n.asString()));
		assertThat(listed).containsExactlyElementsOf(expected).doesNotContain(data.withdrawn().slug());
		List<String> paged = new ArrayList<>();
		for (int offset = 0; offset < expected.size() + 2; offset += 2) {
			ok(get("/api/3/action/package_list").param("limit", "2").param("offset", String.valueOf(offset)))
				.forEach(n -> paged.add(n.asString()));
		}
		assertThat(paged).containsExactlyElementsOf(expected);
		for (String name : listed) {
			assertThat(ok(get("/api/3/action/package_show").param("id", name)).get("name").asString()).isEqualTo(name);
		}
	}

	@Test
	void organizationsAreThePublishers() throws Exception {
		JsonNode names = ok(get("/api/3/action/organization_list").param("sort", "name asc"));
		List<String> all = new ArrayList<>();
		names.forEach(n -> all.add(n.asString()));
		assertThat(all).contains("region", "commune-21009").isSorted();
		JsonNode firstTwo = ok(get("/api/3/action/organization_list").param("sort", "name asc").param("limit", "2"));
		JsonNode nextTwo = ok(get("/api/3/action/organization_list").param("sort", "name asc").param("limit", "2")
			.param("offset", "2"));
		assertThat(firstTwo.size()).isEqualTo(Math.min(2, all.size()));
		List<String> paged = new ArrayList<>();
		firstTwo.forEach(n -> paged.add(n.asString()));
		nextTwo.forEach(n -> paged.add(n.asString()));
		assertThat(paged).containsExactlyElementsOf(all.subList(0, Math.min(4, all.size())));
		JsonNode full = ok(get("/api/3/action/organization_list").param("all_fields", "true").param("limit", "1000"));
		assertThat(full.size()).isLessThanOrEqualTo(CkanApiController.ORGANIZATIONS_ALL_FIELDS_MAX);
		JsonNode region = ok(get("/api/3/action/organization_show").param("id", "region").param("include_datasets", "true"));
		assertThat(region.get("name").asString()).isEqualTo("region");
		assertThat(region.get("is_organization").asBoolean()).isTrue();
		Long published = jdbc.queryForObject("select count(*) from opendata_dataset where publisher_id = 'region' "
				+ "and status = 'PUBLISHED'", Long.class);
		assertThat(region.get("package_count").asLong()).isEqualTo(published);
		assertThat(names(region.get("packages"))).contains(bikes.slug(), parking.slug()).doesNotContain(trees.slug());
		JsonNode filtered = ok(get("/api/3/action/organization_list").param("q", "ixelles"));
		assertThat(filtered.toString()).contains("commune-21009").doesNotContain("\"region\"");
		error(get("/api/3/action/organization_show").param("id", "no-such-publisher"), 404, "Not Found Error");
		error(get("/api/3/action/organization_list").param("limit", "-1"), 409, "Validation Error");
		error(get("/api/3/action/organization_list").param("all_fields", "maybe"), 409, "Validation Error");
	}

	@Test
	void tagListGivesTheKeywords() throws Exception {
		JsonNode all = ok(get("/api/3/action/tag_list"));
		List<String> tags = new ArrayList<>();
		all.forEach(t -> tags.add(t.asString()));
		assertThat(tags).contains("arbres", "parking", "mobilite").isSorted();
		JsonNode some = ok(get("/api/3/action/tag_list").param("query", "ARB").param("all_fields", "true"));
		assertThat(some).isNotEmpty();
		some.forEach(t -> assertThat(t.get("name").asString()).contains("arb"));
		assertThat(ok(get("/api/3/action/tag_list").param("query", "zzz-no-such-tag-" + data.unique()))).isEmpty();
	}

	@Test
	void errorsHaveCkansShapesAndStatuses() throws Exception {
		JsonNode unknown = error(get("/api/3/action/package_create"), 400, "Bad Request");
		assertThat(unknown.get("message").asString()).contains("package_create");
		error(post("/api/3/action/no_such_action").contentType(MediaType.APPLICATION_JSON).content("{}"), 400,
				"Bad Request");
		assertThat(error(get("/api/3/action/package_search").param("rows", "abc"), 409, "Validation Error").get("rows")
			.get(0).asString()).isEqualTo("Invalid integer");
		assertThat(error(get("/api/3/action/package_search").param("start", "-5"), 409, "Validation Error").has("start"))
			.isTrue();
		assertThat(error(get("/api/3/action/package_search").param("sort", "views_recent desc"), 409,
				"Validation Error").has("sort")).isTrue();
		assertThat(error(get("/api/3/action/package_search").param("facet.field", "organization"), 409,
				"Validation Error").has("facet.field")).isTrue();
		error(post("/api/3/action/package_search").contentType(MediaType.APPLICATION_JSON).content("{not json"), 409,
				"Validation Error");
		error(post("/api/3/action/package_search").contentType(MediaType.APPLICATION_JSON).content("[1,2]"), 409,
				"Validation Error");
		JsonNode french = body(mvc.perform(get("/api/3/action/package_show").param("id", "no-such-" + data.unique())
			.header("Accept-Language", "fr")).andReturn().getResponse());
		assertThat(french.get("error").get("message").asString()).isEqualTo("Introuvable");
		assertThat(ok(get("/api/3/action/help_show").param("name", "package_search")).asString()).contains("fq");
	}

	@Test
	void aCkanHarvesterWalkSeesEveryPublishedDatasetOnce() throws Exception {
		Set<String> expected = new HashSet<>(jdbc.queryForList(
				"select cast(id as varchar) from opendata_dataset where status = 'PUBLISHED'", String.class));
		for (int rows : new int[] { 100, 3 }) {
			List<String> seen = new ArrayList<>();
			int start = 0;
			int requests = 0;
			while (true) {
				JsonNode result = ok(get("/api/3/action/package_search").param("rows", String.valueOf(rows))
					.param("start", String.valueOf(start)).param("sort", "id asc"));
				assertThat(result.get("count").asLong()).isEqualTo(expected.size());
				JsonNode page = result.get("results");
				if (page.isEmpty()) {
					break;
				}
				page.forEach(p -> seen.add(p.get("id").asString()));
				start += rows;
				assertThat(++requests).as("the walk ends").isLessThan(expected.size() + 5);
			}
			assertThat(seen).as("rows=%d", rows).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
			List<String> sorted = new ArrayList<>(seen);
			sorted.sort(java.util.Comparator.comparing(java.util.UUID::fromString, (a, b) -> {
				int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
				return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
			}));
			assertThat(seen).as("in id order").containsExactlyElementsOf(sorted);
		}
		assertThat(expected).doesNotContain(data.withdrawn().id().toString());
	}

	// --- helpers

	private List<String> search(String fq) throws Exception {
		return names(ok(get("/api/3/action/package_search").param("q", word).param("fq", fq)).get("results"));
	}

	private JsonNode ok(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.header("Accept-Language", "en")).andReturn().getResponse();
		JsonNode body = body(response);
		assertThat(response.getStatus()).as(body.toString()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("application/json");
		assertThat(body.get("success").asBoolean()).isTrue();
		assertThat(body.get("help").asString()).contains("/api/3/action/help_show?name=");
		return body.get("result");
	}

	private JsonNode error(MockHttpServletRequestBuilder request, int status, String type) throws Exception {
		MockHttpServletResponse response = mvc.perform(request.header("Accept-Language", "en")).andReturn().getResponse();
		JsonNode body = body(response);
		assertThat(response.getStatus()).as(body.toString()).isEqualTo(status);
		assertThat(body.get("success").asBoolean()).isFalse();
		assertThat(body.get("error").get("__type").asString()).isEqualTo(type);
		return body.get("error");
	}

	private static JsonNode body(MockHttpServletResponse response) throws Exception {
		return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private static List<String> names(JsonNode list) {
		List<String> names = new ArrayList<>();
		list.forEach(item -> names.add(item.get("name").asString()));
		return names;
	}

	private static JsonNode find(JsonNode items, String field, String value) {
		for (JsonNode item : items) {
			if (value.equals(item.get(field).asString())) {
				return item;
			}
		}
		throw new AssertionError(value + " not in " + items);
	}

	private static Map<String, String> extras(JsonNode pkg) {
		Map<String, String> extras = new java.util.LinkedHashMap<>();
		pkg.get("extras").forEach(e -> extras.put(e.get("key").asString(), e.get("value").asString()));
		return extras;
	}
}
