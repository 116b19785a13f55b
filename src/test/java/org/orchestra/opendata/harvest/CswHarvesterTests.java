package org.orchestra.opendata.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
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
 * Harvesting an OGC CSW 2.0.2 catalogue in ISO 19139 over HTTP from a local fixture server: the GetRecords
 * request, paging by {@code nextRecord} (and servers that misreport it), the GeoDCAT-AP mapping field by field
 * with the free-text translations, and broken or malicious answers failing the run with a reason.
 */
class CswHarvesterTests {

	static final String DISTRICTS = "fixture-0001-monitoring-districts";
	static final String SPEED_ZONES = "fixture-0002-speed-zones";
	static final String URBAN_WMS = "fixture-0004-urban-plans-wms";

	final CswHarvester harvester = new CswHarvester();

	FixtureServer server;

	CollectingSink sink;

	/** The query parameters of each GetRecords request received, in order. */
	final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() {
		server = FixtureServer.start();
		sink = new CollectingSink();
	}

	@AfterEach
	void stop() {
		server.close();
	}

	// ---- request and paging -------------------------------------------------------------------------------------

	@Test
	void asksForIso19139RecordsPageByPageFollowingNextRecord() {
		serveCatalogue(fixture("getrecords-page1.xml"), fixture("getrecords-page2.xml"));
		SourceClient client = client();

		harvester.harvest(source("/geonetwork/srv/eng/csw", 3), client, sink);

		assertThat(harvester.kind()).isEqualTo(SourceKind.CSW);
		assertThat(client.requests()).isEqualTo(2);
		assertThat(requests).hasSize(2);
		assertThat(requests.getFirst()).containsEntry("service", "CSW")
			.containsEntry("version", "2.0.2")
			.containsEntry("request", "GetRecords")
			.containsEntry("typeNames", "gmd:MD_Metadata")
			.containsEntry("resultType", "results")
			.containsEntry("elementSetName", "full")
			.containsEntry("outputSchema", "http://www.isotc211.org/2005/gmd")
			.containsEntry("maxRecords", "3")
			.containsEntry("startPosition", "1");
		assertThat(requests.get(1)).containsEntry("startPosition", "4").containsEntry("maxRecords", "3");
		assertThat(sink.pages).hasSize(2);
		assertThat(sink.pages.get(0).stream().map(DatasetRecord::recordId)).containsExactly(DISTRICTS, SPEED_ZONES);
		assertThat(sink.pages.get(1).stream().map(DatasetRecord::recordId)).containsExactly(URBAN_WMS);
	}

	@Test
	void keepsTheSourceUrlsOwnParametersAndReplacesTheRequestsOnes() {
		String url = CswHarvester.getRecords(
				"https://geo.fixture.example/csw?SERVICE=CSW&REQUEST=GetCapabilities&constraintLanguage=CQL_TEXT"
						+ "&constraint=keyword%3D%27mobility%27&maxRecords=10",
				200, 201);

		assertThat(url).startsWith("https://geo.fixture.example/csw?constraintLanguage=CQL_TEXT"
				+ "&constraint=keyword%3D%27mobility%27&service=CSW&version=2.0.2&request=GetRecords");
		assertThat(url).contains("&maxRecords=200&startPosition=201")
			.contains("&outputSchema=http%3A%2F%2Fwww.isotc211.org%2F2005%2Fgmd")
			.doesNotContain("GetCapabilities")
			.doesNotContain("maxRecords=10");
	}

	@Test
	void aNextRecordThatDoesNotMoveForwardIsReplacedByThePositionAfterTheRecordsReturned() {
		serveCatalogue(fixture("getrecords-page1.xml").replace("nextRecord=\"4\"", "nextRecord=\"1\""),
				fixture("getrecords-page2.xml"));

		harvester.harvest(source("/csw", 3), client(), sink);

		assertThat(requests).extracting(r -> r.get("startPosition")).containsExactly("1", "4");
		assertThat(sink.records()).hasSize(3);
	}

	@Test
	void aNextRecordPastTheRecordsMatchedEndsTheRun() {
		serveCatalogue(fixture("getrecords-page1.xml").replace("nextRecord=\"4\"", "nextRecord=\"9\""),
				fixture("getrecords-page2.xml"));

		harvester.harvest(source("/csw", 3), client(), sink);

		assertThat(requests).hasSize(1);
		assertThat(sink.pages).hasSize(1);
	}

	@Test
	void aServerThatIgnoresStartPositionIsNotReadForeverNorTwice() {
		String page1 = fixture("getrecords-page1.xml");
		server.handle("/csw", exchange -> {
			requests.add(query(exchange));
			FixtureServer.send(exchange, "application/xml", page1);
		});

		harvester.harvest(source("/csw", 3), client(), sink);

		// page 1 again at 4 (nextRecord 4 does not move forward from 4): 4 + 3 = 7 > 4 matched, done
		assertThat(requests).extracting(r -> r.get("startPosition")).containsExactly("1", "4");
		assertThat(sink.records()).extracting(DatasetRecord::recordId).containsExactly(DISTRICTS, SPEED_ZONES);
	}

	@Test
	void aPageWithoutRecordsEndsTheRunWhateverNextRecordSays() {
		serveCatalogue(fixture("getrecords-page1.xml"), """
				<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" version="2.0.2">
				  <csw:SearchResults numberOfRecordsMatched="400" numberOfRecordsReturned="0" nextRecord="5"/>
				</csw:GetRecordsResponse>
				""");

		harvester.harvest(source("/csw", 3), client(), sink);

		assertThat(requests).hasSize(2);
		assertThat(sink.pages).hasSize(2);
		assertThat(sink.pages.get(1)).isEmpty();
	}

	// ---- mapping --------------------------------------------------------------------------------------------------

	@Test
	void mapsIso19139ToADatasetFieldByField() {
		serveCatalogue(fixture("getrecords-page1.xml"), fixture("getrecords-page2.xml"));
		harvester.harvest(source("/csw", 3), client(), sink);
		DatasetRecord districts = sink.record(DISTRICTS);

		assertThat(districts.kind()).isEqualTo(DatasetRecord.Kind.DATASET);
		assertThat(districts.identifier()).isEqualTo(DISTRICTS);
		assertThat(districts.uri()).isNull();
		assertThat(districts.title()).containsOnly(Map.entry("fr", "Quartiers du monitoring (fixture)"),
				Map.entry("nl", "Wijken van de monitoring (fixture)"), Map.entry("en", "Monitoring districts (fixture)"));
		assertThat(districts.description()).containsOnlyKeys("fr", "nl", "en");
		assertThat(districts.description().get("nl")).startsWith("Indeling van het Gewest");
		assertThat(districts.keywords()).containsExactlyInAnyOrder("quartiers", "wijken", "statistiques",
				"statistieken", "Population et société");
		// topic categories planningCadastre and society, and the EU theme given as a keyword anchor
		assertThat(districts.themes()).containsExactly("REGI", "SOCI");
		assertThat(districts.languages()).containsExactly("fr", "nl");
		assertThat(districts.licence()).isEqualTo(Vocabularies.LICENCE_BASE + "CC_BY_4_0");
		assertThat(districts.accessRights()).isEqualTo(Vocabularies.ACCESS_RIGHT_BASE + "PUBLIC");
		assertThat(districts.accrualPeriodicity()).isEqualTo(Vocabularies.FREQUENCY_BASE + "ANNUAL");
		assertThat(districts.bbox()).isEqualTo("4.2438,50.7638,4.4826,50.9135");
		assertThat(districts.temporalStart()).isEqualTo(LocalDate.of(2012, 1, 1));
		assertThat(districts.temporalEnd()).isEqualTo(LocalDate.of(2024, 12, 31));
		// publication date → issued; revision date (later than the date stamp) → modified
		assertThat(districts.issued()).isEqualTo(Instant.parse("2013-01-15T00:00:00Z"));
		assertThat(districts.modified()).isEqualTo(Instant.parse("2024-11-30T16:45:00Z"));
		assertThat(districts.contactName()).isEqualTo("Cellule cartographique régionale (fixture)");
		assertThat(districts.contactEmail()).isEqualTo("carto@fixture.example");
		assertThat(districts.publisher()).isEqualTo(new PublisherRecord(null,
				Map.of("fr", "Cellule cartographique régionale (fixture)", "nl", "Gewestelijke kaartcel (fixture)"),
				null, "https://carto.fixture.example/", "carto@fixture.example"));
		assertThat(districts.endpointUrl()).isNull();
		assertThat(districts.distributions()).extracting(DistributionRecord::accessUrl,
				DistributionRecord::downloadUrl, DistributionRecord::format)
			.containsExactly(tuple("https://geo.fixture.example/wms", null, "WMS_SRVC"),
					tuple("https://geo.fixture.example/download/districts",
							"https://geo.fixture.example/download/districts", "GEOJSON"),
					tuple("https://geo.fixture.example/wfs", null, "WFS_SRVC"));
		DistributionRecord wms = districts.distributions().getFirst();
		assertThat(wms.title()).containsOnly(Map.entry("fr", "Quartiers"), Map.entry("nl", "Wijken"));
		assertThat(wms.description()).containsOnly(Map.entry("fr", "Couche WMS des quartiers"));
	}

	@Test
	void readsUndeclaredLocaleIdsAndTellsPublisherFromPointOfContactByRole() {
		serveCatalogue(fixture("getrecords-page1.xml"), fixture("getrecords-page2.xml"));
		harvester.harvest(source("/csw", 3), client(), sink);
		DatasetRecord zones = sink.record(SPEED_ZONES);

		// main language Dutch; #locale-fre and #locale-eng without declaration
		assertThat(zones.title()).containsOnly(Map.entry("nl", "Snelheidszones 30 km/u (fixture)"),
				Map.entry("fr", "Zones de vitesse 30 km/h (fixture)"), Map.entry("en", "30 km/h speed zones (fixture)"));
		assertThat(zones.description()).containsOnlyKeys("nl");
		assertThat(zones.keywords()).containsExactlyInAnyOrder("zone 30", "verkeersveiligheid", "sécurité routière");
		assertThat(zones.themes()).containsExactly("TRAN");
		assertThat(zones.languages()).containsExactly("nl", "fr");
		// a licence URL inside a sentence
		assertThat(zones.licence()).isEqualTo(Vocabularies.LICENCE_BASE + "CC0");
		assertThat(zones.accessRights()).isNull();
		// two boxes: their union
		assertThat(zones.bbox()).isEqualTo("4.3,50.8,4.45,50.9");
		// GML 3.1, an open end
		assertThat(zones.temporalStart()).isEqualTo(LocalDate.of(2020, 1, 1));
		assertThat(zones.temporalEnd()).isNull();
		// creation date when there is no publication date; the date stamp when there is no revision date
		assertThat(zones.issued()).isEqualTo(Instant.parse("2020-02-01T00:00:00Z"));
		assertThat(zones.modified()).isEqualTo(Instant.parse("2025-01-05T00:00:00Z"));
		assertThat(zones.publisher()).isEqualTo(new PublisherRecord(null,
				Map.of("nl", "Gewestelijk mobiliteitsagentschap (fixture)", "fr", "Agence régionale de mobilité (fixture)"),
				null, null, null));
		assertThat(zones.contactName()).isEqualTo("Helpdesk mobiliteit (fixture)");
		assertThat(zones.contactEmail()).isEqualTo("mobility-desk@fixture.example");
		// the same link twice is one distribution; a link without URL is none
		assertThat(zones.distributions()).singleElement().satisfies(d -> {
			assertThat(d.accessUrl()).isEqualTo("https://data.fixture.example/speed-zones.csv");
			assertThat(d.downloadUrl()).isEqualTo("https://data.fixture.example/speed-zones.csv");
			assertThat(d.format()).isEqualTo("CSV");
			assertThat(d.title()).containsOnly(Map.entry("nl", "CSV"));
		});
	}

	@Test
	void mapsAServiceRecordToADataServiceWithItsEndpoint() {
		serveCatalogue(fixture("getrecords-page1.xml"), fixture("getrecords-page2.xml"));
		harvester.harvest(source("/csw", 3), client(), sink);
		DatasetRecord wms = sink.record(URBAN_WMS);

		assertThat(wms.kind()).isEqualTo(DatasetRecord.Kind.SERVICE);
		// the Dutch translation's locale is declared under the id loc1
		assertThat(wms.title()).containsOnly(Map.entry("fr", "Plans d'urbanisme — service de visualisation (fixture)"),
				Map.entry("nl", "Stedenbouwkundige plannen — raadpleegdienst (fixture)"));
		assertThat(wms.endpointUrl()).isEqualTo("https://geo.fixture.example/urban/wms");
		assertThat(wms.endpointDescription())
			.isEqualTo("https://geo.fixture.example/urban/wms?service=WMS&request=GetCapabilities");
		assertThat(wms.distributions()).isEmpty();
		assertThat(wms.bbox()).isEqualTo("4.2438,50.7638,4.4826,50.9135");
		assertThat(wms.issued()).isEqualTo(Instant.parse("2018-06-01T00:00:00Z"));
		assertThat(wms.modified()).isEqualTo(Instant.parse("2024-10-01T10:00:00Z"));
		// no party for the resource: the metadata contact
		assertThat(wms.contactName()).isEqualTo("Administration régionale de l'urbanisme (fixture)");
		assertThat(wms.contactEmail()).isEqualTo("urbanisme@fixture.example");
		assertThat(wms.publisher()).isNotNull();
		assertThat(wms.publisher().name()).containsOnly(
				Map.entry("fr", "Administration régionale de l'urbanisme (fixture)"));
	}

	@Test
	void aRecordThatCannotBeReadFailsAloneAndTheRunGoesOn() {
		serveCatalogue(fixture("getrecords-page1.xml"), fixture("getrecords-page2.xml"));

		harvester.harvest(source("/csw", 3), client(), sink);

		assertThat(sink.pageFailures.get(0))
			.containsExactly(new RecordFailure("fixture-0009-untitled", "dataset without title"));
		assertThat(sink.pageFailures.get(1)).isEmpty();
		assertThat(sink.records()).hasSize(3);
	}

	@Test
	void recordsWithoutIdentifierOrInAnotherSchemaAreReportedOneByOne() {
		serveCatalogue("""
				<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"
				    xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco"
				    xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0.2">
				  <csw:SearchResults numberOfRecordsMatched="2" numberOfRecordsReturned="2" nextRecord="0">
				    <gmd:MD_Metadata>
				      <gmd:identificationInfo><gmd:MD_DataIdentification><gmd:citation><gmd:CI_Citation>
				        <gmd:title><gco:CharacterString>Fiche sans identifiant (fixture)</gco:CharacterString></gmd:title>
				      </gmd:CI_Citation></gmd:citation></gmd:MD_DataIdentification></gmd:identificationInfo>
				    </gmd:MD_Metadata>
				    <csw:Record><dc:identifier>fixture-dc</dc:identifier><dc:title>Dublin Core (fixture)</dc:title></csw:Record>
				  </csw:SearchResults>
				</csw:GetRecordsResponse>
				""", "");

		harvester.harvest(source("/csw", 10), client(), sink);

		assertThat(sink.records()).isEmpty();
		assertThat(sink.failures).containsExactly(
				new RecordFailure(null, "dataset record without gmd:fileIdentifier (Fiche sans identifiant (fixture))"),
				new RecordFailure(null, "record in another schema than ISO 19139 (csw:Record)"));
	}

	@Test
	void anUnchangedCatalogueGivesTheSameHashesTwice() {
		serveCatalogue(fixture("getrecords-page1.xml"), fixture("getrecords-page2.xml"));
		harvester.harvest(source("/csw", 3), client(), sink);
		CollectingSink again = new CollectingSink();
		harvester.harvest(source("/csw", 3), client(), again);

		assertThat(again.records().stream().map(DatasetRecord::contentHash))
			.containsExactlyElementsOf(sink.records().stream().map(DatasetRecord::contentHash).toList());
	}

	// ---- broken and malicious answers -----------------------------------------------------------------------------

	@Test
	void anOwsExceptionReportFailsTheRunWithTheServersReason() {
		server.serve("/csw", "application/xml", fixture("exception-report.xml"));

		assertThatThrownBy(() -> harvester.harvest(source("/csw", 10), client(), sink))
			.isInstanceOf(HarvestFailure.class)
			.hasMessageStartingWith("The CSW service at " + server.url("/csw?"))
			.hasMessageEndingWith("answered with an exception: InvalidParameterValue (outputSchema): Output schema "
					+ "'http://www.isotc211.org/2005/gmd' is not supported by this fixture server");
		assertThat(sink.pages).isEmpty();
	}

	@Test
	void xmlThatIsNotWellFormedFailsTheRun() {
		server.serve("/csw", "application/xml", fixture("not-well-formed.xml"));

		assertThatThrownBy(() -> harvester.harvest(source("/csw", 10), client(), sink))
			.isInstanceOf(HarvestFailure.class)
			.hasMessageStartingWith("Invalid XML at " + server.url("/csw?"))
			.hasMessageContaining("line 11, column 1");
		assertThat(sink.pages).isEmpty();
	}

	@Test
	void anotherKindOfDocumentIsNotAGetRecordsResponse() {
		server.serve("/csw", "text/html", "<html><body><p>GeoNetwork (fixture)</p></body></html>");

		assertThatThrownBy(() -> harvester.harvest(source("/csw", 10), client(), sink))
			.isInstanceOf(HarvestFailure.class)
			.hasMessageStartingWith("Not a CSW 2.0.2 GetRecords response at " + server.url("/csw?"))
			.hasMessageEndingWith("(root element html)");
	}

	@Test
	void anHttpErrorFailsTheRun() {
		server.status("/csw", 503);

		assertThatThrownBy(() -> harvester.harvest(source("/csw", 10), client(), sink))
			.isInstanceOf(HarvestFailure.class)
			.hasMessageStartingWith("HTTP 503 from " + server.url("/csw?"));
	}

	@Test
	void anExternalEntityAttackIsRefusedWithoutReadingTheFileOrTheDtd(@TempDir Path dir) throws IOException {
		Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-FIXTURE-VALUE");
		server.serve("/evil.dtd", "application/xml-dtd", "<!ENTITY leak \"LEAKED\">");
		server.serve("/csw", "application/xml", fixture("xxe.xml")
			.replace("@SECRET_FILE@", secret.toUri().toString())
			.replace("@DTD_URL@", server.url("/evil.dtd")));

		assertThatThrownBy(() -> harvester.harvest(source("/csw", 10), client(), sink))
			.isInstanceOf(HarvestFailure.class)
			.hasMessageStartingWith("Refused XML at " + server.url("/csw?"))
			.hasMessageEndingWith("it declares a DOCTYPE (DTDs and entities are not accepted)")
			.hasMessageNotContaining("TOP-SECRET");
		assertThat(sink.pages).isEmpty();
		assertThat(server.hits("/evil.dtd")).isZero();
	}

	// ---- plumbing -------------------------------------------------------------------------------------------------

	/** Serves the first page at startPosition 1 and the second at any other position, noting each request. */
	void serveCatalogue(String page1, String page2) {
		server.handle("/csw", exchange -> handlePage(exchange, page1, page2));
		server.handle("/geonetwork/srv/eng/csw", exchange -> handlePage(exchange, page1, page2));
	}

	private void handlePage(HttpExchange exchange, String page1, String page2) throws IOException {
		Map<String, String> query = query(exchange);
		requests.add(query);
		FixtureServer.send(exchange, "application/xml; charset=UTF-8",
				"1".equals(query.get("startPosition")) ? page1 : page2);
	}

	static Map<String, String> query(HttpExchange exchange) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String raw = exchange.getRequestURI().getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				parameters.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
						eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

	SourceSpec source(String path, int pageSize) {
		return new SourceSpec(UUID.randomUUID(), server.url(path), pageSize);
	}

	static SourceClient client() {
		return SourceClient.create(Duration.ofSeconds(10), 5_000_000, 20);
	}

	static String fixture(String name) {
		try (InputStream in = CswHarvesterTests.class.getResourceAsStream("/opendata/fixtures/csw/" + name)) {
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
