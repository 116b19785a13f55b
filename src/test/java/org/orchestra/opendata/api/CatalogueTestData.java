package org.orchestra.opendata.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.orchestra.opendata.Dataset;
import org.orchestra.opendata.DatasetRecord;
import org.orchestra.opendata.DatasetRecord.DistributionRecord;
import org.orchestra.opendata.DatasetRecord.Kind;
import org.orchestra.opendata.DatasetRecord.PublisherRecord;
import org.orchestra.opendata.DatasetStore;
import org.orchestra.opendata.Vocabularies;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Datasets that exercise every property the catalogue writes, written through {@link DatasetStore} under two
 * organisations: a rich dataset with every field, a data service, a poor dataset (title and description only), a
 * harvested-style dataset with the odd values sources send (untagged title, a licence outside the EU vocabulary,
 * URLs with spaces, broken e-mail, a text where an IRI is expected...), two datasets claiming the same IRI, a
 * service without endpoint, and a withdrawn dataset.
 */
final class CatalogueTestData {

	static final OrganisationId REGION = OrganisationId.of("region");
	static final OrganisationId IXELLES = OrganisationId.of("commune-21009");

	/** What was created, by role. */
	record Created(String unique, Dataset rich, Dataset service, Dataset poor, Dataset odd, Dataset twinA,
			Dataset twinB, Dataset serviceWithoutEndpoint, Dataset withdrawn) {

		List<Dataset> published() {
			return List.of(rich, service, poor, odd, twinA, twinB, serviceWithoutEndpoint);
		}
	}

	private CatalogueTestData() {
	}

	static Created create(DatasetStore store, TransactionTemplate transactions, EntityManager entities) {
		String u = UUID.randomUUID().toString().substring(0, 8);
		Dataset rich = local(store, transactions, REGION, rich(u));
		Dataset service = local(store, transactions, REGION, service(u));
		Dataset poor = local(store, transactions, IXELLES, poor(u));
		Dataset odd = local(store, transactions, IXELLES, odd(u));
		Dataset twinA = local(store, transactions, REGION, twin(u, "a"));
		Dataset twinB = local(store, transactions, IXELLES, twin(u, "b"));
		Dataset bare = local(store, transactions, REGION, serviceWithoutEndpoint(u));
		Dataset withdrawn = local(store, transactions, IXELLES, withdrawn(u));
		TenantContext.runAs(IXELLES, () -> transactions.executeWithoutResult(
				s -> store.withdrawLocal(entities.find(Dataset.class, withdrawn.id()))));
		return new Created(u, rich, service, poor, odd, twinA, twinB, bare, withdrawn);
	}

	static Dataset local(DatasetStore store, TransactionTemplate transactions, OrganisationId organisation,
			DatasetRecord record) {
		return TenantContext.callAs(organisation,
				() -> transactions.execute(s -> store.createLocal(organisation, record, false)));
	}

	static DatasetRecord rich(String u) {
		return new DatasetRecord("rich-" + u, Kind.DATASET, "https://data.example.org/dataset/rich-" + u, "rich-" + u,
				Map.of("fr", "Stations de vélos partagés " + u, "nl", "Deelfietsstations " + u, "en",
						"Shared bike stations " + u),
				Map.of("fr", "Emplacement et capacité des stations " + u, "nl", "Ligging en capaciteit van de stations",
						"en", "Location and capacity of the stations"),
				List.of("mobilité", "vélo", "fiets/bike " + u), List.of("TRAN", "ENVI"), List.of("fr", "nl", "en"),
				Vocabularies.LICENCE_BASE + "CC_BY_4_0", Vocabularies.ACCESS_RIGHT_BASE + "PUBLIC",
				Vocabularies.FREQUENCY_BASE + "DAILY", LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31),
				"https://sws.geonames.org/2800866/", "4.24,50.76,4.48,50.91", "Mobility open data team",
				"opendata@mobility.example.org", "https://data.example.org/pages/bikes-" + u,
				Instant.parse("2020-01-15T08:00:00Z"), Instant.parse("2024-06-01T10:30:00Z"), null,
				List.of(new DistributionRecord("https://data.example.org/dataset/rich-" + u + "/csv",
						Map.of("fr", "Fichier CSV", "nl", "CSV-bestand", "en", "CSV file"),
						Map.of("fr", "Toutes les stations", "en", "All the stations"),
						"https://data.example.org/files/bikes-" + u + ".csv",
						"https://data.example.org/files/bikes-" + u + ".csv?download=1", "CSV", "text/csv",
						Vocabularies.LICENCE_BASE + "CC0", 123_456L, Instant.parse("2024-06-01T10:00:00Z")),
						new DistributionRecord(null, Map.of("fr", "Carte"), Map.of(),
								"https://data.example.org/files/bikes-" + u + ".geojson", null, "GEOJSON",
								"application/geo+json", null, null, null)),
				null, null);
	}

	static DatasetRecord service(String u) {
		return new DatasetRecord("api-" + u, Kind.SERVICE, "https://data.example.org/service/api-" + u, "api-" + u,
				Map.of("fr", "API des horaires " + u, "nl", "Dienstregeling-API " + u),
				Map.of("fr", "Horaires en temps réel", "nl", "Realtime dienstregeling"), List.of("horaires", "api"),
				List.of("TRAN"), List.of("fr"), Vocabularies.LICENCE_BASE + "ODC_ODBL", null, null, null, null, null,
				null, null, "api@example.org", "https://api.example.org/docs-" + u, null,
				Instant.parse("2024-02-02T02:02:02Z"), null, List.of(), "https://api.example.org/v1/" + u,
				"https://api.example.org/v1/" + u + "/openapi.json");
	}

	static DatasetRecord poor(String u) {
		return new DatasetRecord("poor-" + u, Kind.DATASET, null, null, Map.of("fr", "Liste pauvre " + u),
				Map.of("fr", "Seulement un titre et une description"), List.of(), List.of(), List.of(), null, null,
				null, null, null, null, null, null, null, null, null, null, null, List.of(), null, null);
	}

	static DatasetRecord odd(String u) {
		return new DatasetRecord("odd-" + u, Kind.DATASET, "https://example.org/dataset/odd " + u, "odd-" + u,
				Map.of("", "Odd harvested title " + u, "xx_invalid!!", "Titre à l'étiquette cassée"),
				Map.of("nl_BE", "Beschrijving met \u0001controleteken"), List.of("\u0001", "ok keyword", " "),
				List.of("TRAN", "not-a-theme"), List.of("fr", "klingon"),
				"https://opendata.example.org/licences/custom licence v1", "Free text about rights", "weekly", null,
				LocalDate.of(2023, 5, 1), "Bruxelles / Brussel",
				"POLYGON((4.3 50.8, 4.4 50.8, 4.4 50.9, 4.3 50.9, 4.3 50.8))", null, "not-an-email",
				"www.example.org/no-scheme", null, Instant.parse("2023-05-02T00:00:00Z"),
				new PublisherRecord("https://example.org/org/odd publisher " + u, Map.of("", "Odd publisher " + u),
						"https://example.org/not-adms-type", "not a url", "bad address"),
				List.of(new DistributionRecord("https://example.org/dist/odd " + u, Map.of("", "With a space"), Map.of(),
						"https://example.org/files/my file " + u + ".csv", "https://example.org/files/my file.csv",
						"Esri REST", "text/csv; charset=utf-8", null, -5L, null),
						new DistributionRecord("https://example.org/dist/odd " + u, Map.of(), Map.of(),
								"not a url at all", null, "CSV", "nonsense", "ODbL", null, null),
						new DistributionRecord("https://example.org/dist/odd " + u, Map.of(), Map.of(),
								"https://example.org/files/{weird}|" + u + ".json", null, "json", null, null, 0L,
								null)),
				null, null);
	}

	static DatasetRecord twin(String u, String which) {
		return new DatasetRecord("twin-" + which + "-" + u, Kind.DATASET, "https://example.org/dataset/twin-" + u,
				"twin-" + which + "-" + u, Map.of("fr", "Jumeau " + which + " " + u), Map.of("fr", "Même IRI"),
				List.of(), List.of(), List.of(), null, null, null, null, null, null, null, null, null, null, null,
				Instant.parse("2022-01-01T00:00:00Z"), null,
				List.of(new DistributionRecord("https://example.org/dist/twin-" + u, Map.of(), Map.of(),
						"https://example.org/files/twin-" + which + ".csv", null, "CSV", null, null, null, null)),
				null, null);
	}

	static DatasetRecord serviceWithoutEndpoint(String u) {
		return new DatasetRecord("bare-" + u, Kind.SERVICE, null, null, Map.of("en", "Service without endpoint " + u),
				Map.of(), List.of(), List.of(), List.of(), null, null, null, null, null, null, null, null, null, null,
				null, null, null, List.of(), null, "not a link");
	}

	static DatasetRecord withdrawn(String u) {
		return new DatasetRecord("gone-" + u, Kind.DATASET, null, "gone-" + u, Map.of("fr", "Retiré " + u),
				Map.of("fr", "Plus publié"), List.of("retire"), List.of(), List.of(), null, null, null, null, null, null,
				null, null, null, null, null, null, null, List.of(), null, null);
	}
}
