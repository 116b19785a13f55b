package org.orchestra.opendata;

import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.orchestra.opendata.Harvesting.SourceSettings;
import org.orchestra.opendata.harvest.HarvestFailure;
import org.orchestra.opendata.harvest.Harvester;
import org.orchestra.opendata.harvest.RecordFailure;
import org.orchestra.opendata.harvest.SourceClient;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Harvest runs of CKAN and Opendatasoft sources served by a local HTTP server from recorded answers: a first run
 * creates the datasets with the right mapping, a second one rewrites nothing, a changed record is updated, a
 * removed one withdrawn; the same dataset reached through two sources is kept once; a broken source (invalid JSON,
 * HTTP 500, endless paging, huge or slow answers) fails its run with a report and leaves every dataset as it was;
 * runs are refused while one goes on, scheduled when due, recovered after a stop, audited, and kept within their
 * organisation.
 */
class HarvestingTests extends PlatformTests {

	static final OrganisationId REGION = OrganisationId.of("region");
	static final OrganisationId IXELLES = OrganisationId.of("commune-21009");

	@Autowired
	Harvesting harvesting;

	@Autowired
	HarvestScheduler scheduler;

	@Autowired
	OpenData openData;

	@Autowired
	HarvestSources sources;

	@Autowired
	HarvestJobs jobs;

	@Autowired
	DatasetStore store;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	OpendataProperties properties;

	FixtureServer server;
	String run;
	Map<String, String> ckanValues;
	Map<String, String> odsValues;

	@BeforeEach
	void start() {
		server = FixtureServer.start();
		run = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		ckanValues = Map.of("run", run, "base", server.url("/ckan"), "ods", server.url("/ods"), "files",
				server.url("/files"));
		odsValues = Map.of("run", run, "base", server.url("/ods"));
	}

	@AfterEach
	void stop() {
		server.close();
	}

	// ---- helpers ----

	HarvestSource source(OrganisationId organisation, SourceKind kind, String path) {
		return source(organisation, kind, path, 100, null, null, null);
	}

	HarvestSource source(OrganisationId organisation, SourceKind kind, String path, @Nullable Integer pageSize,
			@Nullable Integer maxPages, @Nullable Integer maxMegabytes, @Nullable Integer timeout) {
		return TenantContext.callAs(organisation,
				() -> harvesting.create(SourceSettings.of(kind + " " + run, kind, server.url(path), Schedule.MANUAL)
					.withLimits(pageSize, maxPages, maxMegabytes, timeout), "test." + organisation.value()));
	}

	HarvestJob harvest(OrganisationId organisation, HarvestSource source) {
		return TenantContext.callAs(organisation, () -> harvesting.run(source.id(), "test"));
	}

	HarvestJob harvest(HarvestSource source) {
		return harvest(REGION, source);
	}

	Dataset byIdentity(String identity) {
		String slug = jdbc.queryForObject("select slug from opendata_dataset where identity_key = ?", String.class,
				identity);
		return openData.dataset(slug).orElseThrow();
	}

	long found(String words, String language) {
		return openData.search(new SearchQuery(words, Map.of(), SearchQuery.Sort.RELEVANCE, 0, 10, language)).total();
	}

	List<Harvesting.Failure> failures(OrganisationId organisation, HarvestJob job) {
		return TenantContext.callAs(organisation, () -> harvesting.job(job.id()).orElseThrow().failures());
	}

	Map<String, Instant> updatedAt(HarvestSource source) {
		Map<String, Instant> updated = new java.util.HashMap<>();
		jdbc.query("select slug, updated_at from opendata_dataset where source_id = ?",
				rs -> {
					updated.put(rs.getString(1), rs.getTimestamp(2).toInstant());
				}, source.id());
		return updated;
	}

	String odsIdentity(String datasetId) {
		return server.url("/ods/explore/dataset/" + datasetId + "-" + run).replaceFirst("^https://", "http://");
	}

	// ---- runs ----

	@Test
	void aCkanSourceIsHarvestedThenLeftAloneThenUpdatedThenWithdrawn() {
		HarvestFixtures.Records packages = HarvestFixtures.ckan(server, "/ckan", ckanValues);
		HarvestSource source = source(REGION, SourceKind.CKAN, "/ckan", 2, null, null, null);

		HarvestJob first = harvest(source);
		assertThat(first.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(first.message()).isNull();
		assertThat(List.of(first.pages(), first.seen(), first.created(), first.updated(), first.unchanged(),
				first.withdrawn(), first.failed())).containsExactly(2, 3, 3, 0, 0, 0, 0);
		assertThat(found(run, "fr")).isEqualTo(3);

		Dataset parkings = byIdentity(odsIdentity("parkings"));
		assertThat(parkings.organisationId()).isEqualTo("region");
		assertThat(parkings.origin()).isEqualTo(Origin.HARVESTED);
		assertThat(parkings.sourceId()).isEqualTo(source.id());
		assertThat(parkings.titleIn("fr")).isEqualTo("Parkings publics " + run);
		assertThat(parkings.titleIn("nl")).isEqualTo("Openbare parkings " + run);
		assertThat(parkings.themes()).containsExactly("TRAN");
		assertThat(parkings.licence()).isEqualTo("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0");
		assertThat(parkings.distributions()).extracting(Distribution::format)
			.containsExactly("CSV", "GEOJSON", "WMS_SRVC");
		assertThat(openData.publisher(parkings.publisherId()).orElseThrow().name())
			.containsEntry("", "Bruxelles Mobilité");
		assertThat(found("gemeentebegroting " + run, "nl")).isEqualTo(1);

		Map<String, Instant> before = updatedAt(source);
		assertThat(before).hasSize(3);
		HarvestJob second = harvest(source);
		assertThat(second.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(List.of(second.created(), second.updated(), second.unchanged(), second.withdrawn()))
			.containsExactly(0, 0, 3, 0);
		assertThat(updatedAt(source)).as("nothing rewritten").isEqualTo(before);

		packages.change(p -> p.path("name").asString("").startsWith("stations-villo"),
				p -> p.put("title", "Stations Villo! " + run + " en temps réel"));
		HarvestJob third = harvest(source);
		assertThat(List.of(third.created(), third.updated(), third.unchanged(), third.withdrawn()))
			.containsExactly(0, 1, 2, 0);
		assertThat(byIdentity("villo-stations-" + run).titleIn("fr")).isEqualTo("Stations Villo! " + run
				+ " en temps réel");
		assertThat(found("temps reel " + run, "fr")).isEqualTo(1);

		packages.remove(p -> p.path("name").asString("").startsWith("budget-communal"));
		HarvestJob fourth = harvest(source);
		assertThat(List.of(fourth.created(), fourth.updated(), fourth.unchanged(), fourth.withdrawn()))
			.containsExactly(0, 0, 2, 1);
		assertThat(found("gemeentebegroting " + run, "nl")).as("gone from search").isZero();
		assertThat(found(run, "fr")).isEqualTo(2);
		String budgetSlug = jdbc.queryForObject(
				"select slug from opendata_dataset where source_id = ? and status = 'WITHDRAWN'", String.class,
				source.id());
		assertThat(openData.dataset(budgetSlug).orElseThrow().titleIn("nl")).isEqualTo("Gemeentebegroting " + run);
	}

	@Test
	void anOpendatasoftSourceIsHarvestedThenLeftAloneThenWithdrawn() {
		HarvestFixtures.Records datasets = HarvestFixtures.opendatasoft(server, "/ods", odsValues);
		HarvestSource source = source(REGION, SourceKind.OPENDATASOFT, "/ods");

		HarvestJob first = harvest(source);
		assertThat(first.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(List.of(first.pages(), first.seen(), first.created(), first.failed())).containsExactly(1, 3, 3, 0);

		Dataset air = byIdentity(odsIdentity("luchtkwaliteit"));
		assertThat(air.titleIn("nl")).isEqualTo("Luchtkwaliteit " + run);
		assertThat(air.themes()).containsExactly("ENVI");
		assertThat(air.licence()).isEqualTo(Vocabularies.LICENCE_BASE + "ODC_ODBL");
		assertThat(air.distributions()).extracting(Distribution::format).containsExactly("CSV", "JSON", "PDF");
		assertThat(air.languages()).containsExactly("nl");
		assertThat(openData.publisher(air.publisherId()).orElseThrow().name()).containsValue("Leefmilieu Brussel");
		Dataset parkings = byIdentity(odsIdentity("parkings"));
		assertThat(parkings.titleIn("fr")).isEqualTo("Parkings publics " + run);
		assertThat(parkings.distributions()).extracting(Distribution::format).containsExactly("CSV", "JSON", "GEOJSON");
		Dataset budget = byIdentity(odsIdentity("budget"));
		assertThat(budget.themes()).containsExactly("GOVE");
		assertThat(budget.licence()).isEqualTo(Vocabularies.LICENCE_BASE + "ETALAB_2_0");
		assertThat(found("luchtkwaliteit " + run, "nl")).isEqualTo(1);

		Map<String, Instant> before = updatedAt(source);
		assertThat(before).hasSize(3);
		HarvestJob second = harvest(source);
		assertThat(List.of(second.created(), second.updated(), second.unchanged(), second.withdrawn()))
			.containsExactly(0, 0, 3, 0);
		assertThat(updatedAt(source)).isEqualTo(before);

		datasets.remove(d -> d.path("dataset_id").asString("").startsWith("luchtkwaliteit"));
		HarvestJob third = harvest(source);
		assertThat(List.of(third.unchanged(), third.withdrawn())).containsExactly(2, 1);
		assertThat(found("luchtkwaliteit " + run, "nl")).isZero();
		assertThat(byIdentity(odsIdentity("luchtkwaliteit")).status()).isEqualTo(DatasetStatus.WITHDRAWN);
	}

	@Test
	void theSameDatasetThroughCkanAndOpendatasoftIsKeptOnce() {
		HarvestFixtures.ckan(server, "/ckan", ckanValues);
		HarvestFixtures.Records ods = HarvestFixtures.opendatasoft(server, "/ods", odsValues);
		HarvestSource ckan = source(REGION, SourceKind.CKAN, "/ckan");
		HarvestSource opendatasoft = source(REGION, SourceKind.OPENDATASOFT, "/ods");

		assertThat(harvest(ckan).created()).isEqualTo(3);
		HarvestJob viaOds = harvest(opendatasoft);
		assertThat(List.of(viaOds.created(), viaOds.unchanged())).as("parkings are already in the catalogue")
			.containsExactly(2, 1);
		assertThat(jdbc.queryForObject("select count(*) from opendata_dataset where identity_key = ?", Integer.class,
				odsIdentity("parkings"))).isEqualTo(1);
		assertThat(found("parkings publics " + run, "fr")).isEqualTo(1);

		ods.remove(d -> d.path("dataset_id").asString("").startsWith("parkings"));
		assertThat(harvest(opendatasoft).withdrawn()).as("the CKAN source still gives them").isZero();
		assertThat(byIdentity(odsIdentity("parkings")).status()).isEqualTo(DatasetStatus.PUBLISHED);
		assertThat(harvest(ckan).unchanged()).isEqualTo(3);
	}

	@Test
	void aBadRecordFailsAloneAndKeepsItsLastGoodVersion() {
		HarvestFixtures.Records packages = HarvestFixtures.ckan(server, "/ckan", ckanValues);
		HarvestSource source = source(REGION, SourceKind.CKAN, "/ckan");
		assertThat(harvest(source).created()).isEqualTo(3);

		packages.change(p -> p.path("name").asString("").startsWith("stations-villo"), p -> {
			p.remove("title");
			return p;
		});
		HarvestJob job = harvest(source);
		assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(List.of(job.seen(), job.unchanged(), job.failed(), job.withdrawn())).containsExactly(3, 2, 1, 0);
		assertThat(failures(REGION, job)).singleElement().satisfies(f -> {
			assertThat(f.recordId()).isEqualTo("1a2b3c4d-0002-4000-8000-" + run);
			assertThat(f.reason()).contains("has no title");
		});
		assertThat(byIdentity("villo-stations-" + run).status()).isEqualTo(DatasetStatus.PUBLISHED);
	}

	/** A harvester of test records, one of which the catalogue cannot take (its description is far too long). */
	record RecordsHarvester(List<DatasetRecord> records, List<RecordFailure> failures) implements Harvester {

		@Override
		public SourceKind kind() {
			return SourceKind.DCAT;
		}

		@Override
		public void harvest(org.orchestra.opendata.harvest.SourceSpec source, SourceClient client,
				org.orchestra.opendata.harvest.PageSink sink) {
			sink.accept(records, failures);
		}
	}

	@Test
	void aRecordThatCannotBeStoredFailsAloneAndLeavesNoHalfDataset() {
		DatasetRecord good = DatasetStoreTests.record("good-" + run, "good-" + run, "Bon " + run, "Goed " + run, "CSV");
		DatasetRecord other = DatasetStoreTests.record("other-" + run, "other-" + run, "Autre " + run,
				"Ander " + run, "JSON");
		// without a kind, the database refuses the dataset (every stored text is fitted to its column)
		DatasetRecord tooLong = new DatasetRecord("long-" + run, null, null, "long-" + run,
				Map.of("fr", "Trop long " + run), Map.of("fr", "Sans type"), List.of(), List.of(), List.of(),
				null, null, null, null, null, null, null, null, null, null, null, null, null, List.of(), null, null);
		HarvestRunner runner = new HarvestRunner(sources, jobs, store, jdbc, transactions, events, properties,
				List.of(new RecordsHarvester(List.of(good, tooLong, other),
						List.of(new RecordFailure("unread-" + run, "Not a dcat:Dataset")))));
		HarvestSource source = source(REGION, SourceKind.DCAT, "/dcat");
		UUID jobId = runner.run(REGION, source.id(), "test");

		HarvestJob job = TenantContext.callAs(REGION, () -> harvesting.job(jobId).orElseThrow().job());
		assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(List.of(job.seen(), job.created(), job.failed())).containsExactly(4, 2, 2);
		assertThat(failures(REGION, job)).extracting(Harvesting.Failure::recordId)
			.containsExactly("unread-" + run, "long-" + run);
		assertThat(jdbc.queryForObject("select count(*) from opendata_dataset where identity_key in (?, ?, ?)",
				Integer.class, "good-" + run, "other-" + run, "long-" + run)).isEqualTo(2);
		assertThat(found("trop long " + run, "fr")).isZero();
		assertThat(found("goed " + run, "nl")).isEqualTo(1);
	}

	// ---- broken sources ----

	record Harvested(HarvestSource ckan, HarvestSource ods) {
	}

	/** Two healthy sources harvested once. */
	Harvested healthy() {
		HarvestFixtures.ckan(server, "/ckan", ckanValues);
		HarvestFixtures.opendatasoft(server, "/ods-other", Map.of("run", "o" + run, "base", server.url("/ods-other")));
		HarvestSource ckan = source(REGION, SourceKind.CKAN, "/ckan", 2, 5, 1, 1);
		HarvestSource ods = source(REGION, SourceKind.OPENDATASOFT, "/ods-other");
		assertThat(harvest(ckan).created()).isEqualTo(3);
		assertThat(harvest(ods).created()).isEqualTo(3);
		return new Harvested(ckan, ods);
	}

	/** The broken source's run failed with the reason, withdrew nothing, and every dataset is still published. */
	void failsAndHarmsNothing(Harvested harvested, String reason) {
		HarvestJob job = harvest(harvested.ckan());
		assertThat(job.status()).isEqualTo(JobStatus.FAILED);
		assertThat(job.message()).contains(reason);
		assertThat(job.withdrawn()).isZero();
		assertThat(job.finishedAt()).isNotNull();
		assertThat(jdbc.queryForObject("select count(*) from opendata_dataset where source_id = ? and status = "
				+ "'WITHDRAWN'", Integer.class, harvested.ckan().id())).isZero();
		assertThat(found(run, "fr")).as("the broken source's datasets").isEqualTo(3);
		assertThat(found("o" + run, "fr")).as("another source's datasets").isEqualTo(3);
		TenantContext.runAs(REGION, () -> assertThat(harvesting.running(harvested.ckan().id())).isFalse());
		assertThat(harvest(harvested.ods()).unchanged()).isEqualTo(3);
	}

	static final String PACKAGE_SEARCH = "/ckan/api/3/action/package_search";

	@Test
	void invalidJsonFailsTheRun() {
		Harvested harvested = healthy();
		server.serve(PACKAGE_SEARCH, "application/json", "{\"success\": true, \"result\": {\"count\": 3, \"results\": [");
		failsAndHarmsNothing(harvested, "Invalid JSON");
	}

	@Test
	void anHttpErrorFailsTheRun() {
		Harvested harvested = healthy();
		server.status(PACKAGE_SEARCH, 500);
		failsAndHarmsNothing(harvested, "HTTP 500");
	}

	@Test
	void aSourceGivingTheSamePageForeverIsStopped() {
		Harvested harvested = healthy();
		ObjectNode recorded = HarvestFixtures.json("ckan/package_search.json", ckanValues);
		((ObjectNode) recorded.get("result")).put("count", 1_000_000);
		String page = HarvestFixtures.JSON.writeValueAsString(recorded);
		server.serve(PACKAGE_SEARCH, "application/json", page);
		failsAndHarmsNothing(harvested, "Paging loop");
	}

	@Test
	void aSourcePagingOnAndOnIsStoppedAtItsPageLimit() {
		Harvested harvested = healthy();
		server.handle(PACKAGE_SEARCH, exchange -> {
			String start = HarvestFixtures.query(exchange).get("start");
			String page = "{\"success\": true, \"result\": {\"count\": 999999999, \"results\": [{\"id\": \"endless-"
					+ start + "\", \"name\": \"endless-" + start + "\", \"title\": \"Sans fin " + start + "\"}]}}";
			FixtureServer.send(exchange, "application/json", page);
		});
		failsAndHarmsNothing(harvested, "More than 5 pages");
	}

	@Test
	void aHugeAnswerFailsTheRun() {
		Harvested harvested = healthy();
		server.handle(PACKAGE_SEARCH, exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write("{\"success\": true, \"result\": {\"count\": 1, \"results\": [{\"id\": \"big\", \"title\": \""
					.getBytes());
				byte[] chunk = "a".repeat(64 * 1024).getBytes();
				for (int i = 0; i < 48; i++) {
					out.write(chunk);
				}
				out.write("\"}]}}".getBytes());
			}
		});
		failsAndHarmsNothing(harvested, "larger than 1048576 bytes");
	}

	@Test
	void aSlowSourceFailsTheRun() {
		Harvested harvested = healthy();
		server.handle(PACKAGE_SEARCH, exchange -> {
			try {
				Thread.sleep(3_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			FixtureServer.send(exchange, "application/json", "{\"success\": true, \"result\": {\"count\": 0, "
					+ "\"results\": []}}");
		});
		failsAndHarmsNothing(harvested, "No complete answer within 1 s");
	}

	@Test
	void aSourceThatSuddenlyGivesNothingWithdrawsNothing() {
		Harvested harvested = healthy();
		server.serve(PACKAGE_SEARCH, "application/json", "{\"success\": true, \"result\": {\"count\": 0, "
				+ "\"results\": []}}");
		failsAndHarmsNothing(harvested, HarvestRunner.EMPTY_SOURCE);
	}

	// ---- jobs ----

	@Test
	void aSecondStartWhileASourceIsHarvestedIsRefused() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch asked = new CountDownLatch(1);
		server.handle(PACKAGE_SEARCH, exchange -> {
			asked.countDown();
			try {
				release.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			FixtureServer.send(exchange, "application/json", "{\"success\": true, \"result\": {\"count\": 0, "
					+ "\"results\": []}}");
		});
		HarvestSource source = source(REGION, SourceKind.CKAN, "/ckan", 10, 10, 1, 30);
		UUID jobId = TenantContext.callAs(REGION, () -> harvesting.start(source.id(), "admin.region"));
		assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
		TenantContext.runAs(REGION, () -> {
			Harvesting.JobReport report = harvesting.job(jobId).orElseThrow();
			assertThat(report.job().status()).isEqualTo(JobStatus.RUNNING);
			assertThat(harvesting.running(source.id())).isTrue();
			assertThatThrownBy(() -> harvesting.start(source.id(), "admin.region"))
				.isInstanceOfSatisfying(OpendataException.class, e -> {
					assertThat(e.status()).isEqualTo(409);
					assertThat(e.messageKey()).isEqualTo("opendata.harvest.error.running");
				});
			assertThatThrownBy(() -> harvesting.run(source.id(), "admin.region"))
				.isInstanceOfSatisfying(OpendataException.class, e -> assertThat(e.status()).isEqualTo(409));
			assertThatThrownBy(() -> harvesting.delete(source.id(), "admin.region"))
				.isInstanceOfSatisfying(OpendataException.class, e -> assertThat(e.status()).isEqualTo(409));
		});
		TenantContext.runAs(IXELLES, () -> {
			assertThatThrownBy(() -> harvesting.start(source.id(), "admin.ixelles"))
				.as("another organisation learns nothing of the run").isInstanceOfSatisfying(OpendataException.class,
						e -> assertThat(e.status()).isEqualTo(404));
			assertThatThrownBy(() -> harvesting.running(source.id())).isInstanceOf(OpendataException.class);
		});
		release.countDown();
		eventually(() -> assertThat(TenantContext.callAs(REGION, () -> harvesting.job(jobId).orElseThrow().job().status()))
			.isEqualTo(JobStatus.SUCCEEDED));
		eventually(() -> assertThat(TenantContext.callAs(REGION, () -> harvesting.running(source.id()))).isFalse());
		assertThat(harvest(source).status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(TenantContext.callAs(REGION, () -> harvesting.jobs(source.id(), 10))).hasSize(2);
	}

	@Test
	void dueSourcesAreStartedOnTheirSchedule() {
		HarvestFixtures.opendatasoft(server, "/ods", odsValues);
		HarvestSource source = TenantContext.callAs(IXELLES, () -> harvesting.create(
				SourceSettings.of("Scheduled " + run, SourceKind.OPENDATASOFT, server.url("/ods"), Schedule.HOURLY),
				"admin.ixelles"));
		assertThat(source.nextRunAt()).isAfter(Instant.now().plus(59, ChronoUnit.MINUTES));
		scheduler.startDue();
		assertThat(TenantContext.callAs(IXELLES, () -> harvesting.jobs(source.id(), 10))).as("not due yet").isEmpty();

		jdbc.update("update opendata_source set next_run_at = ? where id = ?",
				Timestamp.from(Instant.now().minusSeconds(60)), source.id());
		List<UUID> started = scheduler.startDue();
		assertThat(TenantContext.callAs(IXELLES, () -> harvesting.jobs(source.id(), 10))).extracting(HarvestJob::id)
			.singleElement().isIn(started);
		UUID jobId = TenantContext.callAs(IXELLES, () -> harvesting.jobs(source.id(), 10)).getFirst().id();
		eventually(() -> assertThat(TenantContext.callAs(IXELLES,
				() -> harvesting.job(jobId).orElseThrow().job().status())).isEqualTo(JobStatus.SUCCEEDED));
		HarvestJob job = TenantContext.callAs(IXELLES, () -> harvesting.job(jobId).orElseThrow().job());
		assertThat(job.triggeredBy()).isEqualTo("system");
		assertThat(job.created()).isEqualTo(3);
		assertThat(byIdentity(odsIdentity("parkings")).organisationId()).isEqualTo("commune-21009");
		assertThat(TenantContext.callAs(IXELLES, () -> harvesting.source(source.id()).orElseThrow().nextRunAt()))
			.isAfter(Instant.now().plus(59, ChronoUnit.MINUTES));
		scheduler.startDue();
		assertThat(TenantContext.callAs(IXELLES, () -> harvesting.jobs(source.id(), 10))).hasSize(1);
	}

	@Test
	void runsInterruptedByAStopAreMarkedFailedAtStartUp() {
		HarvestSource source = source(REGION, SourceKind.CKAN, "/ckan");
		UUID old = UUID.randomUUID();
		jdbc.update("insert into opendata_harvest_job (id, organisation_id, source_id, status, triggered_by, "
				+ "started_at, pages, seen, created, updated, unchanged, withdrawn, failed) "
				+ "values (?, 'region', ?, 'RUNNING', 'system', ?, 3, 300, 0, 0, 300, 0, 0)", old, source.id(),
				Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")));
		scheduler.recoverInterruptedRuns();
		HarvestJob job = TenantContext.callAs(REGION, () -> harvesting.job(old).orElseThrow().job());
		assertThat(job.status()).isEqualTo(JobStatus.FAILED);
		assertThat(job.message()).isEqualTo(HarvestRunner.INTERRUPTED);
		assertThat(job.finishedAt()).isNotNull();
	}

	@Test
	void sourcesOfAnotherKindWithoutHarvesterFailTheirRunClearly() {
		HarvestRunner runner = new HarvestRunner(sources, jobs, store, jdbc, transactions, events, properties,
				List.of());
		HarvestSource source = source(REGION, SourceKind.CSW, "/csw");
		UUID jobId = runner.run(REGION, source.id(), "test");
		HarvestJob job = TenantContext.callAs(REGION, () -> harvesting.job(jobId).orElseThrow().job());
		assertThat(job.status()).isEqualTo(JobStatus.FAILED);
		assertThat(job.message()).isEqualTo(HarvestRunner.NO_HARVESTER);
	}

	// ---- sources ----

	@Test
	void settingsAreValidatedAndLimitsTakeTheirDefaults() {
		assertThatThrownBy(() -> TenantContext.callAs(REGION, () -> harvesting.create(new SourceSettings(" ", "FTP",
				"ftp://data.example.be", "SOMETIMES", true, 0, 0, 2000, 0, false), "admin.region")))
			.isInstanceOfSatisfying(InvalidHarvestSource.class, e -> assertThat(e.errors()).containsExactly(
					Map.entry("name", "opendata.harvest.error.name-required"),
					Map.entry("kind", "opendata.harvest.error.kind"),
					Map.entry("schedule", "opendata.harvest.error.schedule"),
					Map.entry("url", "opendata.harvest.error.url"),
					Map.entry("pageSize", "opendata.harvest.error.page-size"),
					Map.entry("maxPages", "opendata.harvest.error.max-pages"),
					Map.entry("maxMegabytes", "opendata.harvest.error.max-bytes"),
					Map.entry("timeoutSeconds", "opendata.harvest.error.timeout")));
		assertThatThrownBy(() -> TenantContext.callAs(REGION, () -> harvesting.create(new SourceSettings("x",
				"CKAN", "https://user:secret@data.example.be", "DAILY", true, 1001, 100_001, null, 601, false),
				"admin.region")))
			.isInstanceOfSatisfying(InvalidHarvestSource.class, e -> assertThat(e.errors()).containsOnlyKeys("url",
					"pageSize", "maxPages", "timeoutSeconds"));
		assertThat(jdbc.queryForObject("select count(*) from opendata_source where name in (' ', 'x')",
				Integer.class)).isZero();

		HarvestSource source = TenantContext.callAs(REGION, () -> harvesting.create(new SourceSettings(
				"  Défauts " + run + " ", "ckan", "https://data.example.be/", "daily", true, null, null, null, null,
				true), "admin.region"));
		assertThat(source.name()).isEqualTo("Défauts " + run);
		assertThat(source.kind()).isEqualTo(SourceKind.CKAN);
		assertThat(List.of(source.pageSize(), source.maxPages(), source.timeoutSeconds())).containsExactly(100, 1000,
				60);
		assertThat(source.maxBytes()).isEqualTo(50L * 1024 * 1024);
		assertThat(source.publisherId()).isEqualTo("region");

		HarvestSource changed = TenantContext.callAs(REGION, () -> harvesting.update(source.id(),
				new SourceSettings("Changé " + run, "OPENDATASOFT", "https://ods.example.be", "MANUAL", false, 50,
						10, 5, 20, false), "admin.region"));
		assertThat(List.of(changed.pageSize(), changed.maxPages(), changed.timeoutSeconds())).containsExactly(50, 10,
				20);
		assertThat(changed.maxBytes()).isEqualTo(5L * 1024 * 1024);
		assertThat(changed.enabled()).isFalse();
		assertThat(changed.nextRunAt()).isNull();
		assertThat(changed.publisherId()).isNull();
		eventually(() -> assertThat(jdbc.queryForList("select action from audit_entry where target_id = ? order by seq",
				String.class, source.id().toString()))
			.containsExactlyInAnyOrder("opendata.harvest.source.created", "opendata.harvest.source.updated"));
	}

	@Test
	void privateAddressesAreRecognisedAndRefusedWhenNotAllowed() {
		assertThat(SourceClient.resolvesToPrivateAddress("127.0.0.1")).isTrue();
		assertThat(SourceClient.resolvesToPrivateAddress("10.1.2.3")).isTrue();
		assertThat(SourceClient.resolvesToPrivateAddress("192.168.0.10")).isTrue();
		assertThat(SourceClient.resolvesToPrivateAddress("169.254.169.254")).isTrue();
		assertThat(SourceClient.resolvesToPrivateAddress("::1")).isTrue();
		assertThat(SourceClient.resolvesToPrivateAddress("fd00::1")).isTrue();
		assertThat(SourceClient.resolvesToPrivateAddress("100.64.0.1")).isTrue();
		assertThat(SourceClient.resolvesToPrivateAddress("8.8.8.8")).isFalse();
		assertThat(SourceClient.resolvesToPrivateAddress("2001:4860:4860::8888")).isFalse();
		server.serve("/ckan/api/3/action/package_search", "application/json", "{}");
		SourceClient guarded = SourceClient.create(java.time.Duration.ofSeconds(2), 1000, 10, false);
		assertThatThrownBy(() -> guarded.get(server.url("/ckan/api/3/action/package_search"), "application/json"))
			.isInstanceOf(HarvestFailure.class)
			.hasMessageContaining("not a public address");
		assertThat(server.hits("/ckan/api/3/action/package_search")).isZero();
	}

	@Test
	void deletingASourceWithdrawsTheDatasetsOnlyItGives() {
		HarvestFixtures.ckan(server, "/ckan", ckanValues);
		HarvestFixtures.opendatasoft(server, "/ods", odsValues);
		HarvestSource ckan = source(REGION, SourceKind.CKAN, "/ckan");
		HarvestSource ods = source(REGION, SourceKind.OPENDATASOFT, "/ods");
		harvest(ckan);
		harvest(ods);
		TenantContext.runAs(REGION, () -> harvesting.delete(ckan.id(), "admin.region"));
		assertThat(TenantContext.callAs(REGION, () -> harvesting.source(ckan.id()))).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from opendata_harvest_job where source_id = ?", Integer.class,
				ckan.id())).isZero();
		assertThat(byIdentity("villo-stations-" + run).status()).isEqualTo(DatasetStatus.WITHDRAWN);
		Dataset parkings = byIdentity(odsIdentity("parkings"));
		assertThat(parkings.status()).as("the Opendatasoft source still gives it").isEqualTo(DatasetStatus.PUBLISHED);
		assertThat(parkings.sourceId()).isEqualTo(ods.id());
		assertThat(found("parkings publics " + run, "fr")).isEqualTo(1);
		assertThat(found("stations villo " + run, "fr")).isZero();
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'opendata.harvest.source.deleted' and target_id = ?",
				Integer.class, ckan.id().toString())).isEqualTo(1));
	}

	@Test
	void runsAreAuditedAndSourcesStayWithinTheirOrganisation() {
		HarvestFixtures.opendatasoft(server, "/ods", odsValues);
		HarvestSource regional = source(REGION, SourceKind.OPENDATASOFT, "/ods");
		HarvestJob job = harvest(regional);
		eventually(() -> assertThat(jdbc.queryForList(
				"select action || ' ' || outcome from audit_entry where target_id = ? order by seq", String.class,
				job.id().toString()))
			.containsExactlyInAnyOrder("opendata.harvest.run.started SUCCESS", "opendata.harvest.run.finished SUCCESS"));

		TenantContext.runAs(IXELLES, () -> {
			assertThat(harvesting.source(regional.id())).isEmpty();
			assertThat(harvesting.job(job.id())).isEmpty();
			assertThat(harvesting.sources()).extracting(s -> s.source().id()).doesNotContain(regional.id());
			for (Runnable refused : List.<Runnable>of(() -> harvesting.start(regional.id(), "admin.ixelles"),
					() -> harvesting.run(regional.id(), "admin.ixelles"),
					() -> harvesting.jobs(regional.id(), 10),
					() -> harvesting.delete(regional.id(), "admin.ixelles"),
					() -> harvesting.update(regional.id(), SourceSettings.of("Pris", SourceKind.CKAN,
							"https://example.org", Schedule.MANUAL), "admin.ixelles"))) {
				assertThatThrownBy(refused::run).isInstanceOfSatisfying(OpendataException.class,
						e -> assertThat(e.status()).isEqualTo(404));
			}
		});
		assertThat(TenantContext.callAs(REGION, () -> harvesting.sources())).extracting(s -> s.source().id())
			.contains(regional.id());
		assertThat(TenantContext.callAs(REGION, () -> harvesting.source(regional.id())).orElseThrow().name())
			.isEqualTo("OPENDATASOFT " + run);
	}
}
