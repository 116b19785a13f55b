package org.orchestra.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.orchestra.opendata.DatasetRecord.DistributionRecord;
import org.orchestra.opendata.DatasetRecord.PublisherRecord;
import org.orchestra.opendata.DatasetStore.Outcome;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writing harvested records: created once, left alone when unchanged, updated when changed, recognised when a
 * second source brings the same dataset, withdrawn when gone; and found by search with facet counts.
 */
class DatasetStoreTests extends PlatformTests {

	static final OrganisationId REGION = OrganisationId.of("region");

	@Autowired
	DatasetStore store;

	@Autowired
	HarvestSources sources;

	@Autowired
	OpenData openData;

	@Autowired
	TransactionTemplate transactions;

	static DatasetRecord record(String recordId, String identifier, String titleFr, String titleNl, String format) {
		return new DatasetRecord(recordId, DatasetRecord.Kind.DATASET, null, identifier,
				Map.of("fr", titleFr, "nl", titleNl), Map.of("fr", "Description de " + titleFr),
				List.of("mobilité", "vélo"), List.of("TRAN"), List.of("fr", "nl"),
				Vocabularies.LICENCE_BASE + "CC_BY_4_0", null, null, LocalDate.of(2024, 1, 1), null, null, null,
				"Service open data", "opendata@example.org", null, Instant.parse("2024-01-01T00:00:00Z"),
				Instant.parse("2024-06-01T00:00:00Z"),
				new PublisherRecord("https://example.org/org/test-publisher", Map.of("fr", "Éditeur de test"), null,
						null, null),
				List.of(new DistributionRecord(null, Map.of("fr", "Fichier"), Map.of(),
						"https://example.org/files/" + recordId + "." + format.toLowerCase(), null, format, null, null,
						null, null)),
				null, null);
	}

	HarvestSource source(String name) {
		return TenantContext.callAs(REGION, () -> transactions.execute(s -> sources.save(new HarvestSource(name,
				SourceKind.DCAT, "https://example.org/" + name, Schedule.MANUAL, null, 100, 100, 1_000_000, 10,
				Instant.now()))));
	}

	Outcome write(HarvestSource source, UUID job, DatasetRecord record) {
		return TenantContext.callAs(REGION, () -> transactions.execute(s -> store.upsertHarvested(source, job, record)));
	}

	int withdraw(HarvestSource source, UUID job) {
		return TenantContext.callAs(REGION, () -> transactions.execute(s -> store.withdrawMissing(source, job)));
	}

	@Test
	void harvestedRecordsAreCreatedKeptUpdatedAndWithdrawn() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		HarvestSource first = source("first-" + unique);
		UUID run1 = UUID.randomUUID();
		DatasetRecord bikes = record("a-" + unique, "bikes-" + unique, "Stations vélo " + unique,
				"Fietsstations " + unique, "CSV");
		DatasetRecord parking = record("b-" + unique, "parking-" + unique, "Parkings " + unique,
				"Parkeerplaatsen " + unique, "GEOJSON");
		assertThat(write(first, run1, bikes)).isEqualTo(Outcome.CREATED);
		assertThat(write(first, run1, parking)).isEqualTo(Outcome.CREATED);
		assertThat(withdraw(first, run1)).isZero();

		UUID run2 = UUID.randomUUID();
		assertThat(write(first, run2, bikes)).isEqualTo(Outcome.UNCHANGED);
		DatasetRecord renamed = record("b-" + unique, "parking-" + unique, "Parkings publics " + unique,
				"Openbare parkeerplaatsen " + unique, "GEOJSON");
		assertThat(write(first, run2, renamed)).isEqualTo(Outcome.UPDATED);
		assertThat(withdraw(first, run2)).isZero();

		HarvestSource second = source("second-" + unique);
		UUID other = UUID.randomUUID();
		assertThat(write(second, other, record("x-" + unique, "bikes-" + unique, "Copie", "Kopie", "CSV")))
			.isEqualTo(Outcome.UNCHANGED);
		assertThat(jdbc.queryForObject("select count(*) from opendata_dataset where identity_key = ?", Long.class,
				"bikes-" + unique)).isEqualTo(1);

		SearchResult found = openData.search(new SearchQuery("fietsstations " + unique, Map.of(),
				SearchQuery.Sort.RELEVANCE, 0, 10, "nl"));
		assertThat(found.total()).isEqualTo(1);
		assertThat(found.datasets().getFirst().titleIn("nl")).isEqualTo("Fietsstations " + unique);
		assertThat(found.facets().get(SearchQuery.FORMAT)).extracting(SearchResult.FacetCount::value).contains("CSV");

		UUID run3 = UUID.randomUUID();
		assertThat(write(first, run3, renamed)).isEqualTo(Outcome.UNCHANGED);
		assertThat(withdraw(first, run3)).as("bikes are still given by the second source").isZero();
		assertThat(openData.search(new SearchQuery(unique, Map.of(SearchQuery.FORMAT, List.of("CSV")),
				SearchQuery.Sort.TITLE, 0, 10, "fr")).total()).isEqualTo(1);
		assertThat(withdraw(second, UUID.randomUUID())).isEqualTo(1);
		assertThat(openData.search(new SearchQuery(unique, Map.of(), SearchQuery.Sort.TITLE, 0, 10, "fr"))
			.datasets()).extracting(d -> d.titleIn("fr")).containsExactly("Parkings publics " + unique);
		Dataset bikesDataset = openData.dataset(jdbc.queryForObject(
				"select slug from opendata_dataset where identity_key = ?", String.class, "bikes-" + unique)).orElseThrow();
		assertThat(bikesDataset.status()).isEqualTo(DatasetStatus.WITHDRAWN);
	}

	@Test
	void whatASourceSendsIsFittedToWhatTheCatalogueStores() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		HarvestSource source = source("oversized-" + unique);
		String longUrl = "https://example.org/" + "x".repeat(5000);
		DatasetRecord base = record("o-" + unique, "oversized-" + unique, "Énorme " + unique + " " + "a".repeat(3000),
				"Enorm " + unique, "CSV");
		DatasetRecord oversized = new DatasetRecord(base.recordId(), base.kind(), longUrl, base.identifier(),
				base.title(), Map.of("fr", "d".repeat(100_000)), base.keywords(), base.themes(), base.languages(),
				base.licence(), null, null, null, null, null, null, "n".repeat(1000), null, longUrl, null, null,
				base.publisher(),
				List.of(base.distributions().getFirst(), new DistributionRecord(null, Map.of(), Map.of(), longUrl,
						null, "CSV", null, null, null, null)),
				null, null);
		UUID job = UUID.randomUUID();
		assertThat(write(source, job, oversized)).isEqualTo(Outcome.CREATED);
		Dataset stored = openData.search(new SearchQuery("enorm " + unique, Map.of(), SearchQuery.Sort.RELEVANCE, 0,
				10, "nl")).datasets().getFirst();
		assertThat(stored.titleIn("fr")).hasSize(1000);
		assertThat(stored.descriptionIn("fr")).hasSize(20_000);
		assertThat(stored.uri()).isNull();
		assertThat(stored.landingPage()).isNull();
		assertThat(stored.contactName()).hasSize(300);
		assertThat(stored.distributions()).hasSize(1);
		assertThat(write(source, UUID.randomUUID(), oversized)).as("the hash is the source's").isEqualTo(Outcome.UNCHANGED);
	}
}
