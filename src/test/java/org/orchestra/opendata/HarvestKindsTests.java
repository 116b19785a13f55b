package org.orchestra.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.orchestra.opendata.Harvesting.SourceSettings;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole runs of the DCAT (Turtle with Hydra paging) and CSW (ISO 19139) sources, from recorded answers: the first
 * run creates, the second rewrites nothing, a record gone from the source is withdrawn, and a source that breaks
 * afterwards fails its run with a report and withdraws nothing.
 */
class HarvestKindsTests extends PlatformTests {

	static final OrganisationId REGION = OrganisationId.of("region");

	@Autowired
	Harvesting harvesting;

	FixtureServer server;

	@BeforeEach
	void start() {
		server = FixtureServer.start();
	}

	@AfterEach
	void stop() {
		server.close();
	}

	HarvestSource source(SourceKind kind, String path) {
		return TenantContext.callAs(REGION, () -> harvesting.create(SourceSettings.of(
				kind + " " + UUID.randomUUID(), kind, server.url(path), Schedule.MANUAL), "test.region"));
	}

	HarvestJob harvest(HarvestSource source) {
		return TenantContext.callAs(REGION, () -> harvesting.run(source.id(), "test"));
	}

	String statusOf(String column, String value) {
		return jdbc.queryForObject("select status from opendata_dataset where " + column + " = ?", String.class, value);
	}

	static List<Integer> counts(HarvestJob job) {
		return List.of(job.created(), job.updated(), job.unchanged(), job.withdrawn());
	}

	@Test
	void aDcatCatalogueIsHarvestedLeftAloneWithdrawnFromAndProtectedFromItsOwnBreakage() {
		String page2 = fixture("dcat/catalog-page2.ttl");
		server.serve("/dcat/catalog.ttl", "text/turtle", fixture("dcat/catalog-page1.ttl"))
			.serve("/dcat/catalog.ttl?page=2", "text/turtle", page2)
			.serve("/dcat/catalog.ttl?page=3", "text/turtle", fixture("dcat/catalog-page3.ttl"));
		HarvestSource source = source(SourceKind.DCAT, "/dcat/catalog.ttl");

		HarvestJob first = harvest(source);
		assertThat(first.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(first.pages()).isEqualTo(3);
		assertThat(first.created()).isGreaterThanOrEqualTo(4);
		assertThat(statusOf("uri", "https://opendata.fixture.example/dataset/air-quality")).isEqualTo("PUBLISHED");
		assertThat(jdbc.queryForObject("select kind from opendata_dataset where uri = ?", String.class,
				"https://opendata.fixture.example/service/urban-wms")).isEqualTo("SERVICE");

		HarvestJob second = harvest(source);
		assertThat(counts(second)).containsExactly(0, 0, first.created(), 0);

		server.serve("/dcat/catalog.ttl?page=2", "text/turtle",
				page2.replace("hydra:nextPage \"catalog.ttl?page=3\" ;", ""));
		HarvestJob third = harvest(source);
		assertThat(third.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(third.withdrawn()).isEqualTo(1);
		assertThat(statusOf("uri", "https://opendata.fixture.example/dataset/air-quality")).isEqualTo("WITHDRAWN");

		server.serve("/dcat/catalog.ttl?page=2", "text/turtle", fixture("dcat/invalid.ttl"));
		HarvestJob broken = harvest(source);
		assertThat(broken.status()).isEqualTo(JobStatus.FAILED);
		assertThat(broken.message()).contains("Invalid Turtle");
		assertThat(broken.withdrawn()).isZero();
		assertThat(statusOf("uri", "https://opendata.fixture.example/dataset/regional-map-layers"))
			.as("what the broken page held stays published").isEqualTo("PUBLISHED");
	}

	@Test
	void aCswCatalogueIsHarvestedLeftAloneWithdrawnFromAndProtectedFromItsOwnBreakage() {
		String[] pages = { fixture("csw/getrecords-page1.xml"), fixture("csw/getrecords-page2.xml") };
		server.handle("/csw", exchange -> FixtureServer.send(exchange, "application/xml; charset=UTF-8",
				exchange.getRequestURI().getRawQuery().matches("(.*&)?startPosition=1(&.*)?") ? pages[0] : pages[1]));
		HarvestSource source = source(SourceKind.CSW, "/csw");

		HarvestJob first = harvest(source);
		assertThat(first.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(first.pages()).isEqualTo(2);
		assertThat(first.created()).isEqualTo(3);
		assertThat(first.failed()).as("the record without a title").isEqualTo(1);
		assertThat(statusOf("identifier", "fixture-0004-urban-plans-wms")).isEqualTo("PUBLISHED");

		HarvestJob second = harvest(source);
		assertThat(counts(second)).containsExactly(0, 0, 3, 0);

		pages[0] = pages[0].replace("nextRecord=\"4\"", "nextRecord=\"0\"");
		HarvestJob third = harvest(source);
		assertThat(counts(third)).containsExactly(0, 0, 2, 1);
		assertThat(statusOf("identifier", "fixture-0004-urban-plans-wms")).isEqualTo("WITHDRAWN");

		pages[0] = fixture("csw/exception-report.xml");
		HarvestJob broken = harvest(source);
		assertThat(broken.status()).isEqualTo(JobStatus.FAILED);
		assertThat(broken.withdrawn()).isZero();
		assertThat(statusOf("identifier", "fixture-0001-monitoring-districts")).isEqualTo("PUBLISHED");
	}


	static String fixture(String name) {
		try (InputStream in = HarvestKindsTests.class.getResourceAsStream("/opendata/fixtures/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException | NullPointerException e) {
			throw new IllegalArgumentException("No fixture " + name, e);
		}
	}
}
