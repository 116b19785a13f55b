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
 * The Opendatasoft harvester against a recorded Explore API v2.1 {@code catalog/datasets} answer served over HTTP:
 * paging by {@code total_count}, the mapping of the {@code default} and {@code dcat} metadata, exports and
 * attachments as distributions, and the answers that fail a run or a single dataset.
 */
class OpendatasoftHarvesterTests {

	static final String RUN = "0d5run";

	FixtureServer server;
	String base;
	Map<String, String> values;

	@BeforeEach
	void start() {
		server = FixtureServer.start();
		base = server.url("/ods");
		values = Map.of("run", RUN, "base", base);
	}

	@AfterEach
	void stop() {
		server.close();
	}

	CollectingSink harvest(String url, int pageSize) {
		return CollectingSink.harvest(new OpendatasoftHarvester(), url, pageSize);
	}

	static DatasetRecord byId(List<DatasetRecord> records, String id) {
		return records.stream().filter(r -> r.recordId().equals(id + "-" + RUN)).findFirst().orElseThrow();
	}

	@Test
	void pagesByLimitAndOffsetUntilTheTotalCount() {
		HarvestFixtures.opendatasoft(server, "/ods", values);
		CollectingSink harvest = harvest(base + "/explore/", 2);
		assertThat(harvest.records()).hasSize(3);
		assertThat(harvest.pageCount()).isEqualTo(2);
		assertThat(server.hits("/ods/api/explore/v2.1/catalog/datasets?limit=2&offset=0")).isEqualTo(1);
		assertThat(server.hits("/ods/api/explore/v2.1/catalog/datasets?limit=2&offset=2")).isEqualTo(1);
		assertThat(server.hits("/ods/api/explore/v2.1/catalog/datasets")).isEqualTo(2);
		assertThat(harvest(base, 1000).pageCount()).as("Opendatasoft gives at most 100 a page").isEqualTo(1);
		assertThat(server.hits("/ods/api/explore/v2.1/catalog/datasets?limit=100&offset=0")).isEqualTo(1);
	}

	@Test
	void mapsTheDefaultMetadataAndTheExports() {
		HarvestFixtures.opendatasoft(server, "/ods", values);
		DatasetRecord parkings = byId(harvest(base, 100).records(), "parkings");

		assertThat(parkings.title()).isEqualTo(Map.of("fr", "Parkings publics " + RUN));
		assertThat(parkings.description().get("fr")).isEqualTo(
				"Emplacement, capacité et tarifs des parkings publics.\n\nMis à jour chaque mois & publié par la région.");
		assertThat(parkings.keywords()).containsExactly("parking", "stationnement " + RUN,
				"Région de Bruxelles-Capitale");
		assertThat(parkings.themes()).containsExactly("TRAN");
		assertThat(parkings.licence()).isEqualTo(Vocabularies.LICENCE_BASE + "CC_BY_4_0");
		assertThat(parkings.languages()).containsExactly("fr");
		assertThat(parkings.uri()).isEqualTo(base + "/explore/dataset/parkings-" + RUN + "/");
		assertThat(parkings.landingPage()).isEqualTo(parkings.uri());
		assertThat(parkings.modified()).isEqualTo(Instant.parse("2024-05-02T16:40:01Z"));
		assertThat(parkings.publisher().name()).containsEntry("fr", "Bruxelles Mobilité");
		String exports = base + "/api/explore/v2.1/catalog/datasets/parkings-" + RUN + "/exports/";
		assertThat(parkings.distributions()).extracting(DistributionRecord::downloadUrl)
			.containsExactly(exports + "csv", exports + "json", exports + "geojson");
		assertThat(parkings.distributions()).extracting(DistributionRecord::format)
			.containsExactly("CSV", "JSON", "GEOJSON");
		assertThat(parkings.distributions()).extracting(DistributionRecord::mediaType)
			.containsExactly("text/csv", "application/json", "application/geo+json");
		assertThat(parkings.distributions()).allSatisfy(d -> assertThat(d.licence()).isEqualTo(parkings.licence()));
	}

	@Test
	void mapsDcatMetadataAttachmentsAndLicenceNames() {
		HarvestFixtures.opendatasoft(server, "/ods", values);
		List<DatasetRecord> records = harvest(base, 100).records();

		DatasetRecord air = byId(records, "luchtkwaliteit");
		assertThat(air.title()).isEqualTo(Map.of("nl", "Luchtkwaliteit " + RUN));
		assertThat(air.themes()).containsExactly("ENVI");
		assertThat(air.licence()).isEqualTo(Vocabularies.LICENCE_BASE + "ODC_ODBL");
		assertThat(air.contactEmail()).isEqualTo("lucht@leefmilieu.example.be");
		assertThat(air.contactName()).isEqualTo("Dienst Luchtkwaliteit");
		assertThat(air.accrualPeriodicity()).isEqualTo(Vocabularies.FREQUENCY_BASE + "DAILY");
		assertThat(air.issued()).isEqualTo(Instant.parse("2018-09-15T00:00:00Z"));
		assertThat(air.temporalStart()).isEqualTo(LocalDate.of(2018, 9, 1));
		assertThat(air.temporalEnd()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(air.distributions()).extracting(DistributionRecord::format)
			.as("no geographic field: no GeoJSON export").containsExactly("CSV", "JSON", "PDF");
		assertThat(air.distributions().get(2).accessUrl())
			.isEqualTo(base + "/api/explore/v2.1/catalog/datasets/luchtkwaliteit-" + RUN + "/attachments/methodologie_pdf");

		DatasetRecord budget = byId(records, "budget");
		assertThat(budget.themes()).containsExactly("GOVE");
		assertThat(budget.licence()).isEqualTo(Vocabularies.LICENCE_BASE + "ETALAB_2_0");
		assertThat(budget.description()).isEmpty();
		assertThat(budget.distributions()).as("no records: only the attachment").hasSize(1);
		assertThat(budget.distributions().getFirst().format()).isEqualTo("XLSX");
		assertThat(budget.distributions().getFirst().accessUrl())
			.isEqualTo(base + "/api/explore/v2.1/catalog/datasets/budget-" + RUN + "/attachments/budget_2024_xlsx");
	}

	@Test
	void aBadDatasetIsAFailureOfThatDatasetOnly() {
		var records = HarvestFixtures.opendatasoft(server, "/ods", values);
		records.change(d -> d.path("dataset_id").asString("").startsWith("budget"), d -> {
			d.remove("metas");
			return d;
		});
		records.add(HarvestFixtures.JSON.createObjectNode().put("dataset_uid", "da_without_id"));
		CollectingSink harvest = harvest(base, 100);
		assertThat(harvest.records()).hasSize(2);
		assertThat(harvest.failures()).extracting(RecordFailure::recordId).containsExactly("budget-" + RUN, null);
		assertThat(harvest.failures().getFirst().reason()).contains("no metas.default");
		assertThat(harvest.failures().get(1).reason()).contains("no dataset_id");
	}

	@Test
	void answersThatAreNotACatalogFailTheRun() {
		server.serve("/bad/api/explore/v2.1/catalog/datasets", "application/json", "<html>Maintenance</html>");
		assertThatThrownBy(() -> harvest(server.url("/bad"), 10)).isInstanceOf(HarvestFailure.class)
			.hasMessageContaining("Invalid JSON");
		server.serve("/error/api/explore/v2.1/catalog/datasets", "application/json",
				"{\"error_code\": \"InvalidRESTParameterError\", \"message\": \"Invalid value for limit\"}");
		assertThatThrownBy(() -> harvest(server.url("/error"), 10)).isInstanceOf(HarvestFailure.class)
			.hasMessageContaining("Invalid value for limit");
		server.serve("/list/api/explore/v2.1/catalog/datasets", "application/json", "[]");
		assertThatThrownBy(() -> harvest(server.url("/list"), 10)).isInstanceOf(HarvestFailure.class)
			.hasMessageContaining("not a JSON object");
	}

	@Test
	void thePortalIsFoundWhateverAddressIsGiven() {
		assertThat(OpendatasoftHarvester.base("https://opendata.example.be/explore/?sort=modified"))
			.isEqualTo("https://opendata.example.be");
		assertThat(OpendatasoftHarvester.base("https://opendata.example.be/api/explore/v2.1/catalog/datasets"))
			.isEqualTo("https://opendata.example.be");
		assertThat(OpendatasoftHarvester.base("https://opendata.example.be")).isEqualTo("https://opendata.example.be");
	}
}
