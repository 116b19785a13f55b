package org.orchestra.opendata.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orchestra.opendata.DatasetRecord;
import org.orchestra.opendata.DatasetRecord.DistributionRecord;
import org.orchestra.opendata.DatasetRecord.PublisherRecord;
import org.orchestra.opendata.FixtureServer;
import org.orchestra.opendata.SourceKind;
import org.orchestra.opendata.Vocabularies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Harvesting DCAT catalogues in RDF over HTTP from a local fixture server: every page of a Hydra paging read, each
 * field of DCAT-AP mapped, the same catalogue read alike in Turtle, RDF/XML, JSON-LD and N-Triples, and each kind
 * of broken source failing the run with a reason.
 */
class DcatHarvesterTests {

	static final String BASE = "https://opendata.fixture.example/";
	static final String BIKES = BASE + "dataset/bike-counters";
	static final String MAP_LAYERS = BASE + "dataset/regional-map-layers";
	static final String URBAN_WMS = BASE + "service/urban-wms";
	static final String AIR = BASE + "dataset/air-quality";
	static final String PARKING = "fixture-parking-zones";

	final DcatHarvester harvester = new DcatHarvester();

	FixtureServer server;

	CollectingSink sink;

	@BeforeEach
	void start() {
		server = FixtureServer.start();
		sink = new CollectingSink();
	}

	@AfterEach
	void stop() {
		server.close();
	}

	// ---- paging ---------------------------------------------------------------------------------------------------

	@Test
	void readsEveryPageOfAHydraPagedTurtleCatalogue() {
		SourceClient client = servedTurtleCatalogue();

		harvester.harvest(source("/dcat/catalog.ttl"), client, sink);

		assertThat(harvester.kind()).isEqualTo(SourceKind.DCAT);
		assertThat(sink.pages).hasSize(3);
		assertThat(client.requests()).isEqualTo(3);
		assertThat(server.hits("/dcat/catalog.ttl")).isEqualTo(3);
		assertThat(server.hits("/dcat/catalog.ttl?page=2")).isEqualTo(1);
		assertThat(server.hits("/dcat/catalog.ttl?page=3")).isEqualTo(1);
		assertThat(sink.pages.get(0).stream().map(DatasetRecord::recordId)).containsExactly(PARKING, BIKES);
		assertThat(sink.pages.get(1).stream().map(DatasetRecord::recordId)).containsExactly(MAP_LAYERS, URBAN_WMS);
		// page 3 gives the bike counters again: read once per run
		assertThat(sink.pages.get(2).stream().map(DatasetRecord::recordId)).containsExactly(AIR);
	}

	@Test
	void aPageWithoutDatasetsNorNextLinkEndsTheRun() {
		server.serve("/dcat/empty.ttl", "text/turtle", """
				@prefix dcat: <http://www.w3.org/ns/dcat#> .
				<https://opendata.fixture.example/catalog> a dcat:Catalog .
				""");
		SourceClient client = client();

		harvester.harvest(source("/dcat/empty.ttl"), client, sink);

		assertThat(sink.pages).singleElement().satisfies(page -> assertThat(page).isEmpty());
		assertThat(sink.failures).isEmpty();
		assertThat(client.requests()).isEqualTo(1);
	}

	@Test
	void followsNextLinksWrittenWithTheHttpsSpellingOfTheHydraNamespace() {
		server.serve("/dcat/https-hydra.ttl", "text/turtle", """
				@prefix dcat: <http://www.w3.org/ns/dcat#> .
				@prefix dct: <http://purl.org/dc/terms/> .
				<https://opendata.fixture.example/catalog?page=1> a <https://www.w3.org/ns/hydra/core#PagedCollection> ;
				    <https://www.w3.org/ns/hydra/core#nextPage> <catalog-page3.ttl> .
				<https://opendata.fixture.example/dataset/first> a dcat:Dataset ; dct:title "Premier (fixture)"@fr .
				""").serve("/dcat/catalog-page3.ttl", "text/turtle", fixture("catalog-page3.ttl"));

		harvester.harvest(source("/dcat/https-hydra.ttl"), client(), sink);

		assertThat(sink.pages).hasSize(2);
		assertThat(sink.byId()).containsOnlyKeys(BASE + "dataset/first", AIR, BIKES);
	}

	@Test
	void sendsAnAcceptHeaderPreferringTurtleThenRdfXml() {
		List<String> accepts = new CopyOnWriteArrayList<>();
		String body = fixture("catalog-page3.ttl");
		server.handle("/dcat/accept.ttl", exchange -> {
			accepts.add(exchange.getRequestHeaders().getFirst("Accept"));
			FixtureServer.send(exchange, "text/turtle", body);
		});

		harvester.harvest(source("/dcat/accept.ttl"), client(), sink);

		assertThat(accepts).hasSize(1);
		String accept = accepts.getFirst();
		assertThat(accept).startsWith("text/turtle");
		assertThat(accept.indexOf("application/rdf+xml")).isGreaterThan(0)
			.isLessThan(accept.indexOf("application/ld+json"));
	}

	// ---- mapping --------------------------------------------------------------------------------------------------

	@Test
	void mapsADcatApDatasetFieldByField() {
		harvester.harvest(source("/dcat/catalog.ttl"), servedTurtleCatalogue(), sink);
		DatasetRecord bikes = sink.record(BIKES);

		assertThat(bikes.kind()).isEqualTo(DatasetRecord.Kind.DATASET);
		assertThat(bikes.uri()).isEqualTo(BIKES);
		assertThat(bikes.identifier()).isEqualTo("fixture-bike-counters");
		assertThat(bikes.title()).containsOnly(Map.entry("fr", "Compteurs vélo régionaux (fixture)"),
				Map.entry("nl", "Gewestelijke fietstellers (fixture)"),
				Map.entry("en", "Regional bike counters (fixture)"));
		assertThat(bikes.description()).containsOnlyKeys("fr", "nl", "en");
		assertThat(bikes.description().get("nl")).startsWith("Uurlijkse fietstellingen");
		assertThat(bikes.keywords()).containsExactlyInAnyOrder("vélo", "mobilité", "fiets", "bicycle");
		assertThat(bikes.themes()).containsExactly("TRAN");
		assertThat(bikes.languages()).containsExactly("fr", "nl");
		assertThat(bikes.licence()).isEqualTo(Vocabularies.LICENCE_BASE + "CC_BY_4_0");
		assertThat(bikes.accessRights()).isEqualTo(Vocabularies.ACCESS_RIGHT_BASE + "PUBLIC");
		assertThat(bikes.accrualPeriodicity()).isEqualTo(Vocabularies.FREQUENCY_BASE + "DAILY");
		assertThat(bikes.temporalStart()).isEqualTo(LocalDate.of(2019, 1, 1));
		assertThat(bikes.temporalEnd()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(bikes.spatialUri()).isEqualTo(BASE + "place/brussels-capital-region");
		assertThat(bikes.bbox()).isNull();
		assertThat(bikes.contactName()).isEqualTo("Cellule mobilité (fixture)");
		assertThat(bikes.contactEmail()).isEqualTo("mobility-desk@fixture.example");
		assertThat(bikes.landingPage()).isEqualTo(BASE + "pages/bike-counters");
		assertThat(bikes.issued()).isEqualTo(Instant.parse("2019-03-01T00:00:00Z"));
		assertThat(bikes.modified()).isEqualTo(Instant.parse("2024-06-15T08:30:00Z"));
		assertThat(bikes.endpointUrl()).isNull();
		assertThat(bikes.publisher()).isEqualTo(new PublisherRecord(BASE + "org/mobility-agency",
				Map.of("fr", "Agence régionale de mobilité (fixture)", "nl",
						"Gewestelijk mobiliteitsagentschap (fixture)"),
				"http://purl.org/adms/publishertype/RegionalAuthority", "https://mobility.fixture.example/",
				"info@mobility.fixture.example"));

		// the distribution without access URL is left out; the others come in a stable order
		assertThat(bikes.distributions()).hasSize(2);
		DistributionRecord locations = bikes.distributions().get(0);
		assertThat(locations.uri()).isNull();
		assertThat(locations.accessUrl()).isEqualTo("https://api.fixture.example/bike-counters/geojson");
		assertThat(locations.title()).containsEntry("fr", "Emplacements des compteurs")
			.containsEntry("nl", "Locaties van de tellers");
		assertThat(locations.mediaType()).isEqualTo("application/geo+json");
		assertThat(locations.format()).isEqualTo("GEOJSON");
		DistributionRecord csv = bikes.distributions().get(1);
		assertThat(csv).isEqualTo(new DistributionRecord(BIKES + "/csv",
				Map.of("fr", "Comptages horaires (CSV)", "nl", "Uurtellingen (CSV)"),
				Map.of("fr", "Un fichier par année."), BIKES + "/csv",
				"https://files.fixture.example/bike-counters/2024.csv", "CSV", "text/csv",
				Vocabularies.LICENCE_BASE + "CC_BY_4_0", 1_048_576L, Instant.parse("2024-06-15T00:00:00Z")));
	}

	@Test
	void recognisesABlankNodeDatasetByItsIdentifierAndMapsOtherSchemesByLabel() {
		harvester.harvest(source("/dcat/catalog.ttl"), servedTurtleCatalogue(), sink);
		DatasetRecord parking = sink.record(PARKING);

		assertThat(parking.uri()).isNull();
		assertThat(parking.identifier()).isEqualTo(PARKING);
		assertThat(parking.title()).containsOnlyKeys("fr", "nl");
		// a theme of another scheme, known by its label "Mobilité"
		assertThat(parking.themes()).containsExactly("TRAN");
		// languages as Library of Congress IRIs
		assertThat(parking.languages()).containsExactly("fr", "nl");
		// a WKT box with its CRS IRI
		assertThat(parking.bbox()).isEqualTo("4.24,50.76,4.48,50.91");
		assertThat(parking.spatialUri()).isNull();
		// schema.org start date, a date-time with an offset
		assertThat(parking.temporalStart()).isEqualTo(LocalDate.of(2021, 3, 1));
		assertThat(parking.temporalEnd()).isNull();
		assertThat(parking.contactName()).isEqualTo("Parking desk (fixture)");
		assertThat(parking.contactEmail()).isEqualTo("parking@fixture.example");
		// the licence only the distribution gives, as a Creative Commons URL
		assertThat(parking.licence()).isEqualTo(Vocabularies.LICENCE_BASE + "CC0");
		assertThat(parking.publisher()).isNull();
		assertThat(parking.distributions()).singleElement().satisfies(d -> {
			assertThat(d.accessUrl()).isEqualTo("https://files.fixture.example/parking-zones.geojson");
			assertThat(d.format()).isEqualTo("GEOJSON");
			assertThat(d.licence()).isEqualTo(Vocabularies.LICENCE_BASE + "CC0");
		});
	}

	@Test
	void mapsLanguageVariantsGeoJsonGeometriesAndLiteralFormats() {
		harvester.harvest(source("/dcat/catalog.ttl"), servedTurtleCatalogue(), sink);
		DatasetRecord layers = sink.record(MAP_LAYERS);

		assertThat(layers.identifier()).isNull();
		// fr-BE and nl-BE are French and Dutch
		assertThat(layers.title()).containsOnly(Map.entry("fr", "Couches cartographiques régionales (fixture)"),
				Map.entry("nl", "Gewestelijke kaartlagen (fixture)"), Map.entry("en", "Regional map layers (fixture)"));
		assertThat(layers.description()).containsOnlyKeys("fr");
		assertThat(layers.keywords()).containsExactly("carte", "kaart", "WMS");
		assertThat(layers.themes()).containsExactly("REGI");
		assertThat(layers.spatialUri()).isEqualTo(BASE + "place/brussels-capital-region");
		assertThat(layers.bbox()).isEqualTo("4.2438,50.7638,4.4826,50.9135");
		assertThat(layers.licence()).isEqualTo(Vocabularies.LICENCE_BASE + "CC_BY_4_0");
		assertThat(layers.modified()).isEqualTo(Instant.parse("2025-01-10T00:00:00Z"));
		assertThat(layers.publisher()).isEqualTo(new PublisherRecord(null,
				Map.of("fr", "Service cartographique régional (fixture)", "nl", "Gewestelijke kaartdienst (fixture)"),
				null, null, "maps@fixture.example"));
		assertThat(layers.distributions()).extracting(DistributionRecord::accessUrl, DistributionRecord::format,
				DistributionRecord::byteSize)
			.containsExactly(tuple("https://geo.fixture.example/download/districts.geojson", "GEOJSON", 20_480L),
					tuple("https://geo.fixture.example/wms?SERVICE=WMS&REQUEST=GetCapabilities", "WMS_SRVC", null));
	}

	@Test
	void readsBoxesGivenInGmlOrAsFourNumbersAndKeepsAGeometryItCannotRead() {
		server.serve("/dcat/boxes.ttl", "text/turtle", """
				@prefix dcat: <http://www.w3.org/ns/dcat#> .
				@prefix dct: <http://purl.org/dc/terms/> .
				@prefix gsp: <http://www.opengis.net/ont/geosparql#> .
				<https://opendata.fixture.example/dataset/gml> a dcat:Dataset ; dct:title "GML (fixture)"@fr ;
				    dct:spatial [ dcat:bbox '<gml:Envelope srsName="urn:ogc:def:crs:EPSG::4326"><gml:lowerCorner>50.76 4.24</gml:lowerCorner><gml:upperCorner>50.91 4.48</gml:upperCorner></gml:Envelope>'^^gsp:gmlLiteral ] .
				<https://opendata.fixture.example/dataset/numbers> a dcat:Dataset ; dct:title "Nombres (fixture)"@fr ;
				    dct:spatial [ dcat:bbox "4.24, 50.76, 4.48, 50.91" ] .
				<https://opendata.fixture.example/dataset/words> a dcat:Dataset ; dct:title "Mots (fixture)"@fr ;
				    dct:spatial [ dcat:bbox "Région de Bruxelles-Capitale" ] .
				""");

		harvester.harvest(source("/dcat/boxes.ttl"), client(), sink);

		assertThat(sink.record(BASE + "dataset/gml").bbox()).isEqualTo("4.24,50.76,4.48,50.91");
		assertThat(sink.record(BASE + "dataset/numbers").bbox()).isEqualTo("4.24,50.76,4.48,50.91");
		assertThat(sink.record(BASE + "dataset/words").bbox()).isEqualTo("Région de Bruxelles-Capitale");
	}

	@Test
	void mapsADataServiceButNotTheServicesThatOnlyDescribeADistributionsAccess() {
		harvester.harvest(source("/dcat/catalog.ttl"), servedTurtleCatalogue(), sink);
		DatasetRecord wms = sink.record(URBAN_WMS);

		assertThat(wms.kind()).isEqualTo(DatasetRecord.Kind.SERVICE);
		assertThat(wms.title()).containsOnlyKeys("fr", "nl");
		assertThat(wms.endpointUrl()).isEqualTo("https://geo.fixture.example/urban/wms");
		assertThat(wms.endpointDescription())
			.isEqualTo("https://geo.fixture.example/urban/wms?SERVICE=WMS&REQUEST=GetCapabilities");
		assertThat(wms.themes()).containsExactly("REGI");
		assertThat(wms.licence()).isEqualTo(Vocabularies.LICENCE_BASE + "CC_BY_4_0");
		assertThat(wms.distributions()).isEmpty();
		assertThat(sink.records()).filteredOn(r -> r.kind() == DatasetRecord.Kind.SERVICE).hasSize(1);
	}

	@Test
	void keepsUntaggedTextsUnderTheEmptyKeyAndMapsLiteralThemesAndLicences() {
		harvester.harvest(source("/dcat/catalog.ttl"), servedTurtleCatalogue(), sink);
		DatasetRecord air = sink.record(AIR);

		assertThat(air.title()).containsOnly(Map.entry("", "Air quality stations (fixture)"));
		assertThat(air.description()).containsOnlyKeys("");
		assertThat(air.keywords()).containsExactly("air", "NO2");
		assertThat(air.themes()).containsExactly("ENVI");
		assertThat(air.licence()).isEqualTo(Vocabularies.LICENCE_BASE + "CC_BY_4_0");
		// a year alone starts on its first day; a date-time without zone is UTC
		assertThat(air.temporalStart()).isEqualTo(LocalDate.of(2015, 1, 1));
		assertThat(air.issued()).isEqualTo(Instant.parse("2020-05-04T10:00:00Z"));
		assertThat(air.distributions()).singleElement().satisfies(d -> {
			assertThat(d.accessUrl()).isEqualTo("https://files.fixture.example/air-quality.xlsx");
			assertThat(d.format()).isEqualTo("XLSX");
		});
	}

	@Test
	void recordsThatCannotBeReadFailAloneAndTheRunGoesOn() {
		SourceClient client = servedTurtleCatalogue();

		harvester.harvest(source("/dcat/catalog.ttl"), client, sink);

		assertThat(sink.failures).containsExactlyInAnyOrder(
				new RecordFailure(null, "dataset without IRI or identifier (Jeu de données anonyme (fixture))"),
				new RecordFailure(BASE + "dataset/untitled", "dataset without title"));
		assertThat(sink.pageFailures.get(0)).hasSize(2);
		assertThat(sink.records()).hasSize(5);
		assertThat(client.requests()).isEqualTo(3);
	}

	@Test
	void anUnchangedCatalogueGivesTheSameRecordsAndHashesTwice() {
		harvester.harvest(source("/dcat/catalog.ttl"), servedTurtleCatalogue(), sink);
		CollectingSink again = new CollectingSink();
		harvester.harvest(source("/dcat/catalog.ttl"), client(), again);

		assertThat(again.records()).isEqualTo(sink.records());
		assertThat(again.records().stream().map(DatasetRecord::contentHash))
			.containsExactlyElementsOf(sink.records().stream().map(DatasetRecord::contentHash).toList());
	}

	// ---- formats --------------------------------------------------------------------------------------------------

	@Test
	void readsTheSameCatalogueInRdfXmlOverTwoPages() {
		harvester.harvest(source("/dcat/catalog.ttl"), servedTurtleCatalogue(), sink);
		server.serve("/dcat/catalog-page1.rdf", "application/rdf+xml", fixture("catalog-page1.rdf"))
			.serve("/dcat/catalog-page2.rdf", "application/rdf+xml", fixture("catalog-page2.rdf"));
		CollectingSink rdfXml = new CollectingSink();
		SourceClient client = client();

		harvester.harvest(source("/dcat/catalog-page1.rdf"), client, rdfXml);

		assertThat(client.requests()).isEqualTo(2);
		assertThat(rdfXml.pages).hasSize(2);
		assertThat(rdfXml.byId().keySet()).containsExactlyInAnyOrder(BIKES, PARKING, MAP_LAYERS, URBAN_WMS);
		for (String id : List.of(BIKES, PARKING, MAP_LAYERS, URBAN_WMS)) {
			assertThat(rdfXml.record(id)).as(id).isEqualTo(sink.record(id));
		}
		assertThat(rdfXml.failures).containsExactlyInAnyOrderElementsOf(sink.failures);
	}

	@Test
	void readsTheSameCatalogueInJsonLdWithLanguageMapsAndInNTriples() {
		harvester.harvest(source("/dcat/catalog.ttl"), servedTurtleCatalogue(), sink);
		server.serve("/dcat/catalog.jsonld", "application/ld+json", fixture("catalog.jsonld"))
			.serve("/dcat/catalog.nt", "application/n-triples", fixture("catalog.nt"));

		CollectingSink jsonLd = new CollectingSink();
		harvester.harvest(source("/dcat/catalog.jsonld"), client(), jsonLd);
		CollectingSink nTriples = new CollectingSink();
		harvester.harvest(source("/dcat/catalog.nt"), client(), nTriples);

		for (CollectingSink read : List.of(jsonLd, nTriples)) {
			assertThat(read.pages).hasSize(1);
			assertThat(read.byId().keySet()).containsExactlyInAnyOrder(BIKES, URBAN_WMS);
			assertThat(read.record(BIKES)).isEqualTo(sink.record(BIKES));
			assertThat(read.record(URBAN_WMS)).isEqualTo(sink.record(URBAN_WMS));
		}
	}

	@Test
	void picksTheSyntaxFromTheUrlExtensionWhenTheMediaTypeSaysNothing() {
		server.serve("/files/catalog.ttl", "text/plain", fixture("catalog-page3.ttl"))
			.serve("/files/catalog.rdf", "application/octet-stream", fixture("catalog-page2.rdf"))
			.serve("/files/catalog.json", "application/json", fixture("catalog.jsonld"));

		CollectingSink turtle = new CollectingSink();
		harvester.harvest(source("/files/catalog.ttl"), client(), turtle);
		CollectingSink rdfXml = new CollectingSink();
		harvester.harvest(source("/files/catalog.rdf"), client(), rdfXml);
		CollectingSink jsonLd = new CollectingSink();
		harvester.harvest(source("/files/catalog.json"), client(), jsonLd);

		assertThat(turtle.byId()).containsOnlyKeys(AIR, BIKES);
		assertThat(rdfXml.byId()).containsOnlyKeys(MAP_LAYERS, URBAN_WMS);
		assertThat(jsonLd.byId()).containsOnlyKeys(BIKES, URBAN_WMS);
	}

	@Test
	void looksAtTheContentWhenNeitherMediaTypeNorExtensionTell() {
		server.serve("/feed/turtle", "application/octet-stream", fixture("catalog-page3.ttl"))
			.serve("/feed/xml", "application/xml", fixture("catalog-page2.rdf"))
			.serve("/feed/json", "application/json", fixture("catalog.jsonld"))
			.serve("/feed/ntriples", "text/plain", fixture("catalog.nt"));

		assertThat(harvestAll("/feed/turtle").byId()).containsOnlyKeys(AIR, BIKES);
		assertThat(harvestAll("/feed/xml").byId()).containsOnlyKeys(MAP_LAYERS, URBAN_WMS);
		assertThat(harvestAll("/feed/json").byId()).containsOnlyKeys(BIKES, URBAN_WMS);
		assertThat(harvestAll("/feed/ntriples").byId()).containsOnlyKeys(BIKES, URBAN_WMS);
	}

	@Test
	void fetchesARemoteJsonLdContextThroughTheRunsClientOncePerRun() {
		server.serve("/dcat/remote-context-page1.jsonld", "application/ld+json", fixture("remote-context-page1.jsonld"))
			.serve("/dcat/remote-context-page2.jsonld", "application/ld+json", fixture("remote-context-page2.jsonld"))
			.serve("/dcat/context.jsonld", "application/ld+json", fixture("context.jsonld"));
		SourceClient client = client();

		harvester.harvest(source("/dcat/remote-context-page1.jsonld"), client, sink);

		assertThat(sink.pages).hasSize(2);
		assertThat(sink.byId()).containsOnlyKeys(BASE + "dataset/noise-map", BASE + "dataset/green-spaces");
		assertThat(sink.record(BASE + "dataset/noise-map").title()).containsOnlyKeys("fr", "nl");
		assertThat(sink.record(BASE + "dataset/green-spaces").themes()).containsExactly("ENVI");
		assertThat(server.hits("/dcat/context.jsonld")).isEqualTo(1);
		assertThat(client.requests()).isEqualTo(3);
	}

	// ---- broken sources -------------------------------------------------------------------------------------------

	@Test
	void invalidTurtleFailsTheRunWithTheParsersMessage() {
		server.serve("/dcat/invalid.ttl", "text/turtle", fixture("invalid.ttl"));

		assertThatThrownBy(() -> harvester.harvest(source("/dcat/invalid.ttl"), client(), sink))
			.isInstanceOf(HarvestFailure.class)
			.hasMessageStartingWith("Invalid Turtle at " + server.url("/dcat/invalid.ttl") + ": ")
			.hasMessageContaining("line: 7");
		assertThat(sink.pages).isEmpty();
	}

	@Test
	void rdfXmlThatIsNotXmlFailsTheRun() {
		server.serve("/dcat/not-xml.rdf", "application/rdf+xml", fixture("not-xml.rdf"));

		assertThatThrownBy(() -> harvester.harvest(source("/dcat/not-xml.rdf"), client(), sink))
			.isInstanceOf(HarvestFailure.class)
			.hasMessageStartingWith("Invalid RDF/XML at " + server.url("/dcat/not-xml.rdf") + ": ");
		assertThat(sink.pages).isEmpty();
	}

	@Test
	void invalidJsonLdFailsTheRun() {
		server.serve("/dcat/broken.jsonld", "application/ld+json", "{ \"@id\": \"https://x.example/\", ");

		assertThatThrownBy(() -> harvester.harvest(source("/dcat/broken.jsonld"), client(), sink))
			.isInstanceOf(HarvestFailure.class)
			.hasMessageStartingWith("Invalid JSON-LD at " + server.url("/dcat/broken.jsonld") + ": ");
	}

	@Test
	void anHtmlPageIsNotRdf() {
		server.serve("/portal", "text/html; charset=utf-8", fixture("error-page.html"));

		assertThatThrownBy(() -> harvester.harvest(source("/portal"), client(), sink))
			.isInstanceOf(HarvestFailure.class)
			.hasMessage("Not RDF: " + server.url("/portal") + " answered with an HTML page");
	}

	@Test
	void endlessPagingIsStoppedByTheClientsRequestLimit() {
		server.handle("/dcat/endless", exchange -> {
			String query = exchange.getRequestURI().getRawQuery();
			int page = query == null ? 1 : Integer.parseInt(query.replace("page=", ""));
			FixtureServer.send(exchange, "text/turtle", """
					@prefix dcat: <http://www.w3.org/ns/dcat#> .
					@prefix dct: <http://purl.org/dc/terms/> .
					@prefix hydra: <http://www.w3.org/ns/hydra/core#> .
					<> a hydra:PartialCollectionView ; hydra:next <?page=%d> .
					<https://opendata.fixture.example/dataset/endless-%d> a dcat:Dataset ;
					    dct:title "Page sans fin %d (fixture)"@fr .
					""".formatted(page + 1, page, page));
		});
		SourceClient client = SourceClient.create(Duration.ofSeconds(10), 1_000_000, 5);

		assertThatThrownBy(() -> harvester.harvest(source("/dcat/endless"), client, sink))
			.isInstanceOf(HarvestFailure.class)
			.hasMessage("More than 5 pages: stopped");
		assertThat(sink.pages).hasSize(5);
		assertThat(server.hits("/dcat/endless")).isEqualTo(5);
	}

	@Test
	void aPageWhoseNextLinkIsItselfFailsTheRunAsALoop() {
		server.serve("/dcat/self-next.ttl", "text/turtle", fixture("self-next.ttl"));

		assertThatThrownBy(() -> harvester.harvest(source("/dcat/self-next.ttl"), client(), sink))
			.isInstanceOf(HarvestFailure.class)
			.hasMessage("Paging loop: " + server.url("/dcat/self-next.ttl") + " was asked for twice");
		assertThat(sink.pages).hasSize(1);
		assertThat(server.hits("/dcat/self-next.ttl")).isEqualTo(1);
	}

	@Test
	void aNextLinkBackToAnEarlierPageFailsTheRunAsALoop() {
		server.serve("/dcat/loop-page1.ttl", "text/turtle", fixture("loop-page1.ttl"))
			.serve("/dcat/loop-page2.ttl", "text/turtle", fixture("loop-page2.ttl"));

		assertThatThrownBy(() -> harvester.harvest(source("/dcat/loop-page1.ttl"), client(), sink))
			.isInstanceOf(HarvestFailure.class)
			.hasMessageStartingWith("Paging loop: " + server.url("/dcat/loop-page1.ttl"));
		assertThat(sink.pages).hasSize(2);
	}

	@Test
	void aPageThatCannotBeReadFailsTheRunAfterTheEarlierPages() {
		server.serve("/dcat/catalog.ttl", "text/turtle", fixture("catalog-page1.ttl"))
			.status("/dcat/catalog.ttl?page=2", 500);

		assertThatThrownBy(() -> harvester.harvest(source("/dcat/catalog.ttl"), client(), sink))
			.isInstanceOf(HarvestFailure.class)
			.hasMessage("HTTP 500 from " + server.url("/dcat/catalog.ttl?page=2"));
		assertThat(sink.pages).hasSize(1);
	}

	@Test
	void anExternalEntityInRdfXmlReadsNoLocalFileAndFetchesNoDtd(@TempDir Path dir) throws IOException {
		Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-FIXTURE-VALUE");
		server.serve("/dcat/evil.dtd", "application/xml-dtd", "<!ENTITY leak \"LEAKED\">");
		server.serve("/dcat/xxe.rdf", "application/rdf+xml", fixture("xxe.rdf")
			.replace("@SECRET_FILE@", secret.toUri().toString())
			.replace("@DTD_URL@", server.url("/dcat/evil.dtd")));

		harvester.harvest(source("/dcat/xxe.rdf"), client(), sink);

		// the external entity is left empty: the record is read without the file's content
		assertThat(sink.record(BASE + "dataset/xxe").title()).containsOnly(Map.entry("fr", "Fuite :"));
		assertThat(server.hits("/dcat/evil.dtd")).isZero();
	}

	@Test
	void aJsonLdContextOnTheLocalFileSystemIsNeverRead(@TempDir Path dir) throws IOException {
		Path context = Files.writeString(dir.resolve("context.jsonld"),
				"{\"@context\": {\"title\": \"http://purl.org/dc/terms/title\"}}");
		server.serve("/dcat/file-context.jsonld", "application/ld+json",
				fixture("file-context.jsonld").replace("@SECRET_FILE@", context.toUri().toString()));

		assertThatThrownBy(() -> harvester.harvest(source("/dcat/file-context.jsonld"), client(), sink))
			.isInstanceOf(HarvestFailure.class)
			.hasMessageStartingWith("Invalid JSON-LD at " + server.url("/dcat/file-context.jsonld"))
			.hasMessageContaining("its JSON-LD context could not be read: Only http and https URLs can be harvested: file:")
			.hasMessageContaining(context.getFileName().toString());
		assertThat(sink.pages).isEmpty();
	}

	// ---- plumbing -------------------------------------------------------------------------------------------------

	SourceClient servedTurtleCatalogue() {
		server.serve("/dcat/catalog.ttl", "text/turtle; charset=utf-8", fixture("catalog-page1.ttl"))
			.serve("/dcat/catalog.ttl?page=2", "text/turtle", fixture("catalog-page2.ttl"))
			.serve("/dcat/catalog.ttl?page=3", "text/turtle", fixture("catalog-page3.ttl"));
		return client();
	}

	CollectingSink harvestAll(String path) {
		CollectingSink collected = new CollectingSink();
		harvester.harvest(source(path), client(), collected);
		return collected;
	}

	SourceSpec source(String path) {
		return new SourceSpec(UUID.randomUUID(), server.url(path), 100);
	}

	static SourceClient client() {
		return SourceClient.create(Duration.ofSeconds(10), 5_000_000, 20);
	}

	static String fixture(String name) {
		try (InputStream in = DcatHarvesterTests.class.getResourceAsStream("/opendata/fixtures/dcat/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
