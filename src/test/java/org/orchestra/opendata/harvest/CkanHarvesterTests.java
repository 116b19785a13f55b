package org.orchestra.opendata.harvest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orchestra.opendata.DatasetRecord;
import org.orchestra.opendata.DatasetRecord.DistributionRecord;
import org.orchestra.opendata.FixtureServer;
import org.orchestra.opendata.HarvestFixtures;
import org.orchestra.opendata.Vocabularies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CKAN harvester against a recorded {@code package_search} answer served over HTTP: paging, the mapping of a
 * package (multilingual texts, tags, groups to EU themes, licences, publisher, extras, resources to
 * distributions) and the answers that fail a run or a single record.
 */
class CkanHarvesterTests {

	static final String RUN = "t0k3n";

	FixtureServer server;
	String base;
	Map<String, String> values;

	@BeforeEach
	void start() {
		server = FixtureServer.start();
		base = server.url("/ckan");
		values = Map.of("run", RUN, "base", base, "ods", server.url("/ods"), "files", server.url("/files"));
	}

	@AfterEach
	void stop() {
		server.close();
	}

	CollectingSink harvest(String url, int pageSize) {
		return CollectingSink.harvest(new CkanHarvester(), url, pageSize);
	}

	static DatasetRecord byName(List<DatasetRecord> records, String start) {
		return records.stream().filter(r -> r.titleIn("fr").startsWith(start)).findFirst().orElseThrow();
	}

	@Test
	void pagesThroughPackageSearchSortedByIdUntilAllAreRead() {
		HarvestFixtures.ckan(server, "/ckan", values);
		CollectingSink harvest = harvest(base + "/api/3/action/package_search", 2);
		assertThat(harvest.records()).hasSize(3);
		assertThat(harvest.failures()).isEmpty();
		assertThat(harvest.pageCount()).isEqualTo(2);
		assertThat(server.hits("/ckan/api/3/action/package_search?sort=id%20asc&rows=2&start=0")).isEqualTo(1);
		assertThat(server.hits("/ckan/api/3/action/package_search?sort=id%20asc&rows=2&start=2")).isEqualTo(1);
		assertThat(server.hits("/ckan/api/3/action/package_search")).as("no request past the count").isEqualTo(2);
	}

	@Test
	void mapsAFluentPackageWithExtrasAndResources() {
		HarvestFixtures.ckan(server, "/ckan", values);
		DatasetRecord parkings = byName(harvest(base, 100).records(), "Parkings publics");

		assertThat(parkings.recordId()).isEqualTo("1a2b3c4d-0001-4000-8000-" + RUN);
		assertThat(parkings.title()).containsEntry("fr", "Parkings publics " + RUN)
			.containsEntry("nl", "Openbare parkings " + RUN);
		assertThat(parkings.description().get("nl")).startsWith("Ligging, capaciteit en tarieven");
		assertThat(parkings.keywords()).containsExactly("parking", "stationnement " + RUN);
		assertThat(parkings.themes()).containsExactly("TRAN");
		assertThat(parkings.licence()).isEqualTo(Vocabularies.LICENCE_BASE + "CC_BY_4_0");
		assertThat(parkings.languages()).containsExactly("fr", "nl");
		assertThat(parkings.uri()).isEqualTo(server.url("/ods") + "/explore/dataset/parkings-" + RUN + "/");
		assertThat(parkings.identifier()).isNull();
		assertThat(parkings.contactEmail()).isEqualTo("parkings@mobilite.example.be");
		assertThat(parkings.contactName()).isEqualTo("Cellule open data");
		assertThat(parkings.temporalStart()).isEqualTo(LocalDate.of(2020, 1, 1));
		assertThat(parkings.temporalEnd()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(parkings.bbox()).isEqualTo("4.24,50.76,4.48,50.92");
		assertThat(parkings.accrualPeriodicity()).isEqualTo(Vocabularies.FREQUENCY_BASE + "MONTHLY");
		assertThat(parkings.accessRights()).isEqualTo(Vocabularies.ACCESS_RIGHT_BASE + "PUBLIC");
		assertThat(parkings.issued()).isEqualTo(Instant.parse("2023-03-14T09:12:45.123456Z"));
		assertThat(parkings.modified()).isEqualTo(Instant.parse("2024-05-02T16:40:03.654321Z"));
		assertThat(parkings.landingPage()).isEqualTo(base + "/dataset/parkings-publics-" + RUN);
		assertThat(parkings.publisher()).isNotNull();
		assertThat(parkings.publisher().name()).containsEntry("", "Bruxelles Mobilité");
		assertThat(parkings.publisher().uri()).isEqualTo(base + "/organization/bruxelles-mobilite");

		assertThat(parkings.distributions()).extracting(DistributionRecord::format)
			.containsExactly("CSV", "GEOJSON", "WMS_SRVC");
		DistributionRecord csv = parkings.distributions().getFirst();
		assertThat(csv.accessUrl()).isEqualTo(server.url("/files") + "/parkings-" + RUN + ".csv");
		assertThat(csv.downloadUrl()).isEqualTo(csv.accessUrl());
		assertThat(csv.mediaType()).isEqualTo("text/csv");
		assertThat(csv.byteSize()).isEqualTo(48213L);
		assertThat(csv.title()).containsEntry("nl", "Parkings (CSV)");
		assertThat(csv.uri()).isEqualTo(base + "/dataset/1a2b3c4d-0001-4000-8000-" + RUN
				+ "/resource/9c8b7a6d-0001-4000-8000-000000000001");
		assertThat(parkings.distributions().get(2).downloadUrl()).as("a service is accessed, not downloaded")
			.isNull();
	}

	@Test
	void mapsPlainAndScheminglikePackages() {
		HarvestFixtures.ckan(server, "/ckan", values);
		List<DatasetRecord> records = harvest(base, 100).records();

		DatasetRecord villo = byName(records, "Stations Villo");
		assertThat(villo.title()).as("one language declared: the plain title is in it")
			.isEqualTo(Map.of("fr", "Stations Villo " + RUN));
		assertThat(villo.identifier()).isEqualTo("villo-stations-" + RUN);
		assertThat(villo.uri()).isEqualTo(base + "/dataset/1a2b3c4d-0002-4000-8000-" + RUN);
		assertThat(villo.themes()).containsExactly("TRAN", "ENVI");
		assertThat(villo.licence()).isEqualTo(Vocabularies.LICENCE_BASE + "ODC_ODBL");
		assertThat(villo.landingPage()).isEqualTo("https://mobilite.example.be/villo");
		assertThat(villo.contactEmail()).isEqualTo("velo@mobilite.example.be");
		assertThat(villo.keywords()).containsExactly("vélo", "Villo");
		assertThat(villo.distributions()).extracting(DistributionRecord::format).containsExactly("JSON", "XLSX");

		DatasetRecord budget = byName(records, "Budget communal");
		assertThat(budget.title()).containsEntry("nl", "Gemeentebegroting " + RUN);
		assertThat(budget.description()).containsEntry("fr", "Le budget communal voté par le conseil.");
		assertThat(budget.languages()).containsExactly("fr", "nl");
		assertThat(budget.themes()).containsExactly("ECON");
		assertThat(budget.licence()).isEqualTo(Vocabularies.LICENCE_BASE + "CC0");
		assertThat(budget.publisher().name()).containsEntry("nl", "Gemeente Voorbeeld");
		assertThat(budget.distributions()).as("a resource without URL is left out").hasSize(1);
		assertThat(budget.distributions().getFirst().title()).containsEntry("nl", "Begroting 2024");
		assertThat(budget.distributions().getFirst().format()).isEqualTo("PDF");
	}

	@Test
	void aBadPackageIsAFailureOfThatPackageOnly() {
		var records = HarvestFixtures.ckan(server, "/ckan", values);
		records.change(p -> p.path("name").asString("").startsWith("stations-villo"), p -> {
			p.remove("title");
			return p;
		});
		records.add(HarvestFixtures.JSON.createObjectNode().put("name", "no-id-but-name"));
		CollectingSink harvest = harvest(base, 100);
		assertThat(harvest.records()).extracting(r -> r.titleIn("fr"))
			.containsExactlyInAnyOrder("Parkings publics " + RUN, "Budget communal " + RUN);
		assertThat(harvest.failures()).extracting(RecordFailure::recordId)
			.containsExactlyInAnyOrder("1a2b3c4d-0002-4000-8000-" + RUN, "no-id-but-name");
		assertThat(harvest.failures()).allSatisfy(f -> assertThat(f.reason()).contains("has no title"));
	}

	@Test
	void answersThatAreNotAPackageSearchFailTheRun() {
		server.serve("/bad/api/3/action/package_search", "application/json", "{\"success\": tru");
		assertThatThrownBy(() -> harvest(server.url("/bad"), 10)).isInstanceOf(HarvestFailure.class)
			.hasMessageContaining("Invalid JSON");

		server.serve("/refused/api/3/action/package_search", "application/json",
				"{\"success\": false, \"error\": {\"message\": \"Access denied\", \"__type\": \"Authorization Error\"}}");
		assertThatThrownBy(() -> harvest(server.url("/refused"), 10)).isInstanceOf(HarvestFailure.class)
			.hasMessageContaining("Access denied");

		server.serve("/other/api/3/action/package_search", "application/json", "{\"items\": []}");
		assertThatThrownBy(() -> harvest(server.url("/other"), 10)).isInstanceOf(HarvestFailure.class)
			.hasMessageContaining("no result.results");

		server.status("/down/api/3/action/package_search", 500);
		assertThatThrownBy(() -> harvest(server.url("/down"), 10)).isInstanceOf(HarvestFailure.class)
			.hasMessageContaining("HTTP 500");
	}

	@Test
	void theSiteIsFoundWhateverApiAddressIsGiven() {
		assertThat(CkanHarvester.base("https://data.example.be/")).isEqualTo("https://data.example.be");
		assertThat(CkanHarvester.base("https://data.example.be/api/3/action/package_search?q=x"))
			.isEqualTo("https://data.example.be");
		assertThat(CkanHarvester.base("https://example.be/ckan/api/3")).isEqualTo("https://example.be/ckan");
		assertThat(CkanHarvester.base("https://example.be/ckan/api")).isEqualTo("https://example.be/ckan");
	}
}
