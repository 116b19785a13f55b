package org.orchestra.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Citizens report, confirm, follow and reopen; routing follows the place and the category. */
class IncidentReportingTests extends IncidentTestSupport {

	@Autowired
	IncidentReporting reporting;

	@Autowired
	IncidentCategories categories;

	@BeforeEach
	void geography() throws Exception {
		realGeography();
	}

	@Test
	void aPlaceOnACommunalRoadGoesToTheCommune() {
		Routing.Decision decision = routing().route(FLAGEY[0], FLAGEY[1], categories.find("pothole").orElseThrow(), null);
		assertThat(decision.organisation()).isEqualTo("commune-21009");
		assertThat(decision.reason()).isEqualTo("incident.routing.communal");
	}

	@Test
	void aPlaceWithinFiveMetresOfARegionalRoadGoesToTheCategorysRegionalOrganisation() {
		Routing.Decision pothole = routing().route(LOI[0], LOI[1], categories.find("pothole").orElseThrow(), null);
		assertThat(pothole.organisation()).isEqualTo("agency-mobility");
		assertThat(pothole.reason()).startsWith("incident.routing.regional-road|Rue de la Loi");
		Routing.Decision dump = routing().route(LOI[0], LOI[1], categories.find("illegal-dump").orElseThrow(), null);
		assertThat(dump.organisation()).isEqualTo("agency-cleanliness");
		Routing.Decision lights = routing().route(FLAGEY[0], FLAGEY[1],
				categories.find("traffic-light-fault").orElseThrow(), null);
		assertThat(lights.organisation()).as("always regional").isEqualTo("agency-mobility");
	}

	@Test
	void placesOutsideTheRegionAreRefused() throws Exception {
		MvcResult result = report(null, new double[] { 4.7005, 50.8798 }, "SIDEWALK", "pothole", "Leuven", "a@example.org",
				UUID.randomUUID().toString(), true);
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString()).contains("en dehors de la Région");
	}

	@Test
	void anAnonymousReportIsPublishedOnlyOnceConfirmedByEmail() throws Exception {
		String email = "anon-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		MvcResult result = report(null, FLAGEY, "SIDEWALK", "graffiti", "Tag on the wall " + UUID.randomUUID(), email,
				UUID.randomUUID().toString(), true, photo());
		assertThat(result.getResponse().getContentAsString()).contains(email);
		Long id = jdbc.queryForObject("select id from incident_report where reporter_email = ?", Long.class, email);
		mvc.perform(get("/incidents/{id}", id)).andExpect(status().isNotFound());
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from notification_message where recipient = ? and template = 'incident/confirm'",
				Integer.class, email)).isEqualTo(1));
		String body = jdbc.queryForObject("select body from notification_message where recipient = ?", String.class, email);
		String token = body.replaceAll("(?s).*/incidents/confirm/([0-9a-f]+).*", "$1");
		mvc.perform(get("/incidents/confirm/{token}", token)).andExpect(redirectedUrl("/incidents/" + id));
		mvc.perform(get("/incidents/{id}", id).header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Gemeente Elsene")))
			.andExpect(content().string(not(containsString(email))));
		assertThat(jdbc.queryForObject("select count(*) from incident_photo where report_id = ?", Integer.class, id))
			.isEqualTo(1);
	}

	@Test
	void aRetriedSubmissionNeverCreatesTwoReports() throws Exception {
		MockHttpSession citizen = login("citizen.demo");
		String key = UUID.randomUUID().toString();
		String description = "Retried " + key;
		long first = idOf(report(citizen, FLAGEY, "ROADWAY", "pothole", description, "", key, true));
		long second = idOf(report(citizen, FLAGEY, "ROADWAY", "pothole", description, "", key, true));
		assertThat(second).isEqualTo(first);
		assertThat(jdbc.queryForObject("select count(*) from incident_report where description = ?", Integer.class,
				description)).isEqualTo(1);
	}

	@Test
	void similarOpenReportsNearbyAreProposedFirst() throws Exception {
		MockHttpSession citizen = login("citizen.demo");
		double[] spot = { 4.36900, 50.83020 };
		long existing = idOf(report(citizen, spot, "SIDEWALK", "overflowing-bin", "Bin full " + UUID.randomUUID(), "",
				UUID.randomUUID().toString(), true));
		MvcResult second = report(citizen, new double[] { spot[0] + 0.0001, spot[1] }, "SIDEWALK", "overflowing-bin",
				"Bin full again", "", UUID.randomUUID().toString(), false);
		assertThat(second.getResponse().getStatus()).isEqualTo(200);
		assertThat(second.getResponse().getContentAsString()).contains("similar-title").contains("#" + existing);
		mvc.perform(post("/incidents/{id}/also", existing).param("email", "metoo@example.org").with(csrf()))
			.andExpect(redirectedUrl("/incidents/" + existing));
		assertThat(jdbc.queryForObject("select interest_count from incident_report where id = ?", Integer.class, existing))
			.isEqualTo(1);
	}

	@Test
	void badInputIsExplainedOnTheFormInTheUsersLanguage() throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/incidents/new")
			.file(new MockMultipartFile("photos", "x.jpg", "image/jpeg", "not an image".getBytes()))
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("locationType", "BIKE_LANE")
			.param("category", "playground-damaged")
			.param("description", "")
			.header("Accept-Language", "nl")
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Dit soort probleem komt daar niet voor")))
			.andExpect(content().string(containsString("Beschrijf het probleem")))
			.andExpect(content().string(containsString("geen JPEG-, PNG- of GIF-foto")))
			.andExpect(content().string(containsString("Vul uw e-mailadres in")));
	}

	@Test
	void theLocationIsTakenFromThePhotosGpsWhenNoneIsGiven() throws Exception {
		MockHttpSession citizen = login("citizen.demo");
		MockMultipartFile gps = new MockMultipartFile("photos", "gps.jpg", "image/jpeg",
				TestPhotos.jpegWithExif(400, 300, FLAGEY[0], FLAGEY[1], 1, "Owner"));
		MvcResult result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart("/incidents/new")
			.file(gps)
			.session(citizen)
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("locationType", "SIDEWALK")
			.param("category", "bench-damaged")
			.param("description", "Broken bench " + UUID.randomUUID())
			.param("notDuplicate", "true")
			.with(csrf())).andReturn();
		long id = idOf(result);
		assertThat(jdbc.queryForObject("select nis_code from incident_report where id = ?", String.class, id))
			.isEqualTo("21009");
	}

	@Test
	void aClosedReportCanBeReopenedOnRequestWithinNinetyDays() throws Exception {
		long id = closedReport();
		mvc.perform(post("/incidents/{id}/reopen-request", id).param("reason", "").with(csrf()))
			.andExpect(redirectedUrl("/incidents/" + id + "#reopen"));
		assertThat(jdbc.queryForObject("select count(*) from incident_event where report_id = ? and type = 'reopen-requested'",
				Integer.class, id)).isZero();
		mvc.perform(post("/incidents/{id}/reopen-request", id).param("reason", "Still broken").with(csrf()));
		assertThat(jdbc.queryForObject("select count(*) from incident_event where report_id = ? and type = 'reopen-requested'",
				Integer.class, id)).isEqualTo(1);
		jdbc.update("update incident_report set closed_at = ? where id = ?",
				Timestamp.from(Instant.now().minus(91, ChronoUnit.DAYS)), id);
		mvc.perform(post("/incidents/{id}/reopen-request", id).param("reason", "Too late").with(csrf()));
		assertThat(jdbc.queryForObject("select count(*) from incident_event where report_id = ? and type = 'reopen-requested'",
				Integer.class, id)).isEqualTo(1);
	}

	@Test
	void feedsAndTheMapArePublicAndWellFormed() throws Exception {
		String atom = mvc.perform(get("/incidents/feed.atom").param("commune", "21009"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/atom+xml")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		javax.xml.parsers.DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new java.io.ByteArrayInputStream(atom.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		mvc.perform(get("/incidents/feed.atom").param("lat", "50.8277").param("lon", "4.3722").param("radius", "300"))
			.andExpect(status().isOk());
		mvc.perform(get("/incidents/feed.atom").param("lat", "50.8277").param("lon", "4.3722").param("radius", "99999"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/incidents/map.geojson").param("commune", "21009")).andExpect(status().isOk());
		mvc.perform(get("/incidents").param("commune", "nope")).andExpect(status().isBadRequest());
	}

	long closedReport() throws Exception {
		MockHttpSession citizen = login("citizen.demo");
		long id = idOf(report(citizen, FLAGEY, "SIDEWALK", "damaged-paving", "To close " + UUID.randomUUID(), "",
				UUID.randomUUID().toString(), true));
		MockHttpSession agent = login("agent.ixelles");
		mvc.perform(post("/desk/incidents/{id}/actions/accept", id).session(agent).with(csrf()));
		mvc.perform(post("/desk/incidents/{id}/actions/close", id).param("notes", "Repaired").session(agent).with(csrf()));
		assertThat(jdbc.queryForObject("select status from incident_report where id = ?", String.class, id))
			.isEqualTo("CLOSED");
		return id;
	}

	@Autowired
	Routing routingBean;

	Routing routing() {
		return routingBean;
	}

	static MockMultipartFile photo() {
		return new MockMultipartFile("photos", "photo.jpg", "image/jpeg", TestPhotos.jpeg(320, 240));
	}
}
