package org.orchestra.opendata;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.orchestra.opendata.Harvesting.SourceSettings;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The harvest pages: an organisation's administrators list, create (with errors in their language), change, run
 * and delete its sources and follow a run's progress and report, without JavaScript; agents and citizens cannot;
 * another organisation's sources are not found.
 */
class HarvestPagesTests extends PlatformTests {

	static final OrganisationId REGION = OrganisationId.of("region");
	static final OrganisationId IXELLES = OrganisationId.of("commune-21009");

	@Autowired
	Harvesting harvesting;

	FixtureServer server;
	String run;

	@BeforeEach
	void start() {
		server = FixtureServer.start();
		run = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
	}

	@AfterEach
	void stop() {
		server.close();
	}

	String page(MockHttpSession session, String path, String language) throws Exception {
		return mvc.perform(get(path).session(session).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	@Test
	void anAdministratorCreatesRunsFollowsAndDeletesASource() throws Exception {
		HarvestFixtures.ckan(server, "/ckan", Map.of("run", run, "base", server.url("/ckan"), "ods",
				server.url("/ods"), "files", server.url("/files")));
		MockHttpSession admin = login("admin.ixelles");

		assertThat(page(admin, "/opendata/harvest", "fr")).contains("Sources moissonnées", "Nouvelle source");
		assertThat(page(admin, "/opendata/harvest/new", "nl")).contains("Nieuwe te oogsten bron",
				"CKAN (Action API)", "Elke dag");

		String refused = mvc.perform(post("/opendata/harvest").session(admin).header("Accept-Language", "nl")
				.param("name", " ").param("kind", "CKAN").param("url", "ftp://files.example.be")
				.param("schedule", "DAILY").param("pageSize", "0").param("maxPages", "veel")
				.param("maxMegabytes", "").param("timeoutSeconds", "30").with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Geef de bron een naam.", "moet een volledige http- of https-URL zijn",
				"Het aantal records per pagina moet tussen 1 en 1000 liggen.",
				"Het aantal pagina&#39;s per oogstbeurt moet tussen 1 en 100000 liggen.", "ftp://files.example.be",
				"aria-invalid=\"true\"");

		MvcResult created = mvc.perform(post("/opendata/harvest").session(admin).param("name", "Portail " + run)
				.param("kind", "CKAN").param("url", server.url("/ckan")).param("schedule", "MANUAL")
				.param("enabled", "true").param("pageSize", "2").param("maxPages", "").param("maxMegabytes", "")
				.param("timeoutSeconds", "10").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String sourcePath = created.getResponse().getRedirectedUrl();
		assertThat(sourcePath).matches("/opendata/harvest/[0-9a-f-]{36}");
		UUID sourceId = UUID.fromString(sourcePath.substring(sourcePath.lastIndexOf('/') + 1));
		assertThat(page(admin, "/opendata/harvest", "fr")).contains("Portail " + run, sourcePath, "Jamais moissonnée");
		assertThat(page(admin, sourcePath, "en")).contains("Portail " + run, "Run now",
				"2 records per page, at most 1,000 pages, answers of at most 50 MB, 10 s to answer",
				"This source has not been harvested yet.");

		String jobPath = mvc.perform(post(sourcePath + "/run").session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(jobPath).startsWith("/opendata/harvest/jobs/");
		eventually(() -> assertThat(page(admin, jobPath, "fr")).contains("Réussi"));
		String report = page(admin, jobPath, "fr");
		assertThat(report).contains("Rapport", "Créés", "Pages lues", "Portail " + run);
		assertThat(mvc.perform(get(jobPath).session(admin)).andReturn().getResponse().getHeader("Refresh")).isNull();
		assertThat(page(admin, "/opendata/harvest", "nl")).contains("Geslaagd", jobPath);
		assertThat(jdbc.queryForObject("select count(*) from opendata_dataset where source_id = ?", Integer.class,
				sourceId)).isEqualTo(3);

		assertThat(page(admin, sourcePath + "/edit", "fr")).contains("Modifier la source", "value=\"Portail " + run + "\"",
				"Supprimer la source", "id=\"pageSize\" name=\"pageSize\"", "max=\"1000\"", "value=\"2\"",
				"value=\"50\"");
		mvc.perform(post(sourcePath).session(admin).param("name", "Portail renommé " + run).param("kind", "CKAN")
				.param("url", server.url("/ckan")).param("schedule", "WEEKLY").param("enabled", "true")
				.param("pageSize", "2").with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(page(admin, sourcePath, "fr")).contains("Portail renommé " + run, "Toutes les semaines");

		mvc.perform(post(sourcePath + "/delete").session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(sourcePath).session(admin)).andExpect(status().isNotFound());
		assertThat(page(admin, "/opendata/harvest", "fr")).doesNotContain("Portail renommé " + run);
	}

	@Test
	void aRunningJobRefreshesItselfAndASecondRunIsRefused() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		server.handle("/slow/api/3/action/package_search", exchange -> {
			try {
				release.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			FixtureServer.send(exchange, "application/json",
					"{\"success\": true, \"result\": {\"count\": 0, \"results\": []}}");
		});
		HarvestSource source = TenantContext.callAs(IXELLES, () -> harvesting.create(
				SourceSettings.of("Lente " + run, SourceKind.CKAN, server.url("/slow"), Schedule.MANUAL), "test"));
		MockHttpSession admin = login("admin.ixelles");
		try {
			String jobPath = mvc.perform(post("/opendata/harvest/" + source.id() + "/run").session(admin).with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andReturn().getResponse().getRedirectedUrl();
			MockHttpServletResponse running = mvc.perform(get(jobPath).session(admin).header("Accept-Language", "nl"))
				.andExpect(status().isOk()).andReturn().getResponse();
			assertThat(running.getHeader("Refresh")).isEqualTo("3");
			assertThat(running.getContentAsString()).contains("Bezig", "De oogstbeurt loopt", "Nu bijwerken");

			MvcResult refusal = mvc.perform(post("/opendata/harvest/" + source.id() + "/run").session(admin)
					.with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andReturn();
			String again = refusal.getResponse().getRedirectedUrl();
			assertThat(again).isEqualTo("/opendata/harvest/" + source.id());
			String shown = mvc.perform(get(again).session(admin).header("Accept-Language", "fr")
					.flashAttrs(refusal.getFlashMap()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(shown).contains("Cette source est en cours de moissonnage", "Un passage de cette source est en cours.");
		}
		finally {
			release.countDown();
		}
		eventually(() -> assertThat(TenantContext.callAs(IXELLES, () -> harvesting.running(source.id()))).isFalse());
	}

	@Test
	void theReportShowsWhyARunOrARecordFailed() throws Exception {
		HarvestFixtures.Records packages = HarvestFixtures.ckan(server, "/ckan", Map.of("run", run, "base",
				server.url("/ckan"), "ods", server.url("/ods"), "files", server.url("/files")));
		packages.change(p -> p.path("name").asString("").startsWith("stations-villo"), p -> {
			p.remove("title");
			return p;
		});
		HarvestSource source = TenantContext.callAs(IXELLES, () -> harvesting.create(
				SourceSettings.of("Rapport " + run, SourceKind.CKAN, server.url("/ckan"), Schedule.MANUAL), "test"));
		HarvestJob partly = TenantContext.callAs(IXELLES, () -> harvesting.run(source.id(), "test"));
		MockHttpSession admin = login("admin.ixelles");
		String report = page(admin, "/opendata/harvest/jobs/" + partly.id(), "nl");
		assertThat(report).contains("Geslaagd", "Mislukte records", "1a2b3c4d-0002-4000-8000-" + run,
				"Package 1a2b3c4d-0002-4000-8000-" + run + " has no title");

		server.status("/ckan/api/3/action/package_search", 500);
		HarvestJob failed = TenantContext.callAs(IXELLES, () -> harvesting.run(source.id(), "test"));
		String failure = page(admin, "/opendata/harvest/jobs/" + failed.id(), "fr");
		assertThat(failure).contains("Échoué", "Le passage a échoué", "HTTP 500 from", "Rien n&#39;a été retiré");

		server.serve("/ckan/api/3/action/package_search", "application/json",
				"{\"success\": true, \"result\": {\"count\": 0, \"results\": []}}");
		HarvestJob empty = TenantContext.callAs(IXELLES, () -> harvesting.run(source.id(), "test"));
		assertThat(page(admin, "/opendata/harvest/jobs/" + empty.id(), "en"))
			.contains("The source gave no record at all");
		assertThat(page(admin, "/opendata/harvest/" + source.id(), "en")).contains("Succeeded", "Failed");
	}

	@Test
	void agentsAndCitizensCannotManageHarvesting() throws Exception {
		HarvestSource source = TenantContext.callAs(IXELLES, () -> harvesting.create(
				SourceSettings.of("Agents " + run, SourceKind.CKAN, server.url("/ckan"), Schedule.MANUAL), "test"));
		for (String user : List.of("agent.ixelles", "citizen.demo")) {
			MockHttpSession session = login(user);
			mvc.perform(get("/opendata/harvest").session(session)).andExpect(status().isForbidden());
			mvc.perform(get("/opendata/harvest/" + source.id()).session(session)).andExpect(status().isForbidden());
			mvc.perform(post("/opendata/harvest").session(session).param("name", "Intrus").param("kind", "CKAN")
				.param("url", "https://example.org").param("schedule", "MANUAL").with(csrf()))
				.andExpect(status().isForbidden());
			mvc.perform(post("/opendata/harvest/" + source.id() + "/run").session(session).with(csrf()))
				.andExpect(status().isForbidden());
			mvc.perform(post("/opendata/harvest/" + source.id() + "/delete").session(session).with(csrf()))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/opendata/harvest").header("Accept", "text/html")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/opendata/harvest")).andExpect(status().isUnauthorized());
		MockHttpSession admin = login("admin.ixelles");
		mvc.perform(post("/opendata/harvest/" + source.id() + "/run").session(admin))
			.andExpect(status().isForbidden());
		assertThat(TenantContext.callAs(IXELLES, () -> harvesting.jobs(source.id(), 10))).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from opendata_source where name = 'Intrus'", Integer.class))
			.isZero();
	}

	@Test
	void anotherOrganisationsSourcesAreNotFound() throws Exception {
		HarvestFixtures.opendatasoft(server, "/ods", Map.of("run", run, "base", server.url("/ods")));
		HarvestSource ixelles = TenantContext.callAs(IXELLES, () -> harvesting.create(
				SourceSettings.of("Ixelles " + run, SourceKind.OPENDATASOFT, server.url("/ods"), Schedule.MANUAL),
				"test"));
		HarvestSource region = TenantContext.callAs(REGION, () -> harvesting.create(
				SourceSettings.of("Région " + run, SourceKind.OPENDATASOFT, server.url("/ods"), Schedule.MANUAL),
				"test"));
		HarvestJob job = TenantContext.callAs(IXELLES, () -> harvesting.run(ixelles.id(), "test"));

		MockHttpSession schaerbeek = login("admin.schaerbeek");
		assertThat(page(schaerbeek, "/opendata/harvest", "fr")).doesNotContain("Ixelles " + run, "Région " + run);
		for (HarvestSource other : List.of(ixelles, region)) {
			String path = "/opendata/harvest/" + other.id();
			mvc.perform(get(path).session(schaerbeek)).andExpect(status().isNotFound());
			mvc.perform(get(path + "/edit").session(schaerbeek)).andExpect(status().isNotFound());
			mvc.perform(post(path + "/run").session(schaerbeek).with(csrf())).andExpect(status().isNotFound());
			mvc.perform(post(path).session(schaerbeek).param("name", "Pris").param("kind", "CKAN")
				.param("url", "https://example.org").param("schedule", "MANUAL").with(csrf()))
				.andExpect(status().isNotFound());
			mvc.perform(post(path + "/delete").session(schaerbeek).with(csrf())).andExpect(status().isNotFound());
		}
		mvc.perform(get("/opendata/harvest/jobs/" + job.id()).session(schaerbeek)).andExpect(status().isNotFound());
		assertThat(TenantContext.callAs(REGION, () -> harvesting.jobs(region.id(), 10))).isEmpty();
		assertThat(TenantContext.callAs(IXELLES, () -> harvesting.jobs(ixelles.id(), 10))).hasSize(1);
		assertThat(TenantContext.callAs(IXELLES, () -> harvesting.source(ixelles.id()).orElseThrow().name()))
			.isEqualTo("Ixelles " + run);

		MockHttpSession regionAdmin = login("admin.region");
		assertThat(page(regionAdmin, "/opendata/harvest", "fr")).contains("Région " + run)
			.doesNotContain("Ixelles " + run);
		mvc.perform(get("/opendata/harvest/" + ixelles.id()).session(regionAdmin)).andExpect(status().isNotFound());
		assertThat(page(login("admin.ixelles"), "/opendata/harvest/jobs/" + job.id(), "fr")).contains("Ixelles " + run);
	}

	@Test
	void theJsonApiManagesSourcesAndRunsWithStructuredRefusals() throws Exception {
		HarvestFixtures.opendatasoft(server, "/ods", Map.of("run", run, "base", server.url("/ods")));
		MockHttpSession admin = login("admin.ixelles");

		mvc.perform(post("/api/opendata/harvest/sources").session(admin).header("Accept-Language", "nl")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"\", \"kind\": \"OPENDATASOFT\", \"url\": \"nope\", \"schedule\": \"DAILY\", "
						+ "\"pageSize\": 5000}")
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("opendata.harvest.error.name-required"))
			.andExpect(jsonPath("$.errors.name").value("Geef de bron een naam."))
			.andExpect(jsonPath("$.errors.pageSize").value("Het aantal records per pagina moet tussen 1 en 1000 liggen."))
			.andExpect(jsonPath("$.errors.url").exists());
		mvc.perform(post("/api/opendata/harvest/sources").session(admin).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": ").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("opendata.harvest.error.unreadable"));

		String created = mvc.perform(post("/api/opendata/harvest/sources").session(admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"API " + run + "\", \"kind\": \"OPENDATASOFT\", \"url\": \"" + server.url("/ods")
						+ "\", \"schedule\": \"MANUAL\", \"pageSize\": 2}")
				.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.pageSize").value(2))
			.andExpect(jsonPath("$.maxMegabytes").value(50))
			.andExpect(jsonPath("$.timeoutSeconds").value(60))
			.andReturn().getResponse().getHeader("Location");
		assertThat(created).startsWith("/api/opendata/harvest/sources/");
		String id = created.substring(created.lastIndexOf('/') + 1);

		String runLink = mvc.perform(post(created + "/runs").session(admin).with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.sourceId").value(id))
			.andReturn().getResponse().getHeader("Location");
		eventually(() -> mvc.perform(get(runLink).session(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.run.status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.run.pages").value(2))
			.andExpect(jsonPath("$.run.created").value(3))
			.andExpect(jsonPath("$.failures").isEmpty()));
		mvc.perform(get(created).session(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lastRun.status").value("SUCCEEDED"));
		mvc.perform(get(created + "/runs").session(admin)).andExpect(jsonPath("$[0].link").value(runLink));
		mvc.perform(get("/api/opendata/harvest/sources").session(admin))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].name").value("API " + run));

		MockHttpSession schaerbeek = login("admin.schaerbeek");
		mvc.perform(get(created).session(schaerbeek).header("Accept-Language", "fr"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("opendata.harvest.error.not-found"))
			.andExpect(jsonPath("$.detail").value("Cette source n'existe pas ou n'est pas celle de votre organisation."));
		mvc.perform(get(runLink).session(schaerbeek)).andExpect(status().isNotFound());
		mvc.perform(post(created + "/runs").session(schaerbeek).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(delete(created).session(schaerbeek).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/api/opendata/harvest/sources").session(login("agent.ixelles")))
			.andExpect(status().isForbidden());

		mvc.perform(put(created).session(admin).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"API " + run + " bis\", \"kind\": \"OPENDATASOFT\", \"url\": \""
						+ server.url("/ods") + "\", \"schedule\": \"WEEKLY\", \"enabled\": false}")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.schedule").value("WEEKLY"))
			.andExpect(jsonPath("$.enabled").value(false))
			.andExpect(jsonPath("$.pageSize").value(100));
		mvc.perform(delete(created).session(admin).with(csrf())).andExpect(status().isNoContent());
		mvc.perform(get(created).session(admin)).andExpect(status().isNotFound());
	}
}
