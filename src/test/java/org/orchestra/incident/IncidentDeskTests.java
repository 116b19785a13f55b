package org.orchestra.incident;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Back offices handle the reports of their own organisation only, through the workflow. */
class IncidentDeskTests extends IncidentTestSupport {

	@BeforeEach
	void geography() throws Exception {
		realGeography();
	}

	long newIxellesReport(String category) throws Exception {
		MockHttpSession citizen = login("citizen.demo");
		String email = "sub-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		long id = idOf(report(citizen, FLAGEY, "SIDEWALK", category, "Desk " + UUID.randomUUID(), email,
				UUID.randomUUID().toString(), true));
		return id;
	}

	String statusOf(long id) {
		return jdbc.queryForObject("select status from incident_report where id = ?", String.class, id);
	}

	MvcResult act(MockHttpSession session, long id, String action, String... params) throws Exception {
		var request = post("/desk/incidents/{id}/actions/{action}", id, action).session(session).with(csrf());
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andReturn();
	}

	@Test
	void anAgentAcceptsAssignsPlansAndClosesAndSubscribersAreToldInTheirLanguage() throws Exception {
		long id = newIxellesReport("damaged-paving");
		String subscriber = jdbc.queryForObject("select reporter_email from incident_report where id = ?", String.class, id);
		MockHttpSession agent = login("agent.ixelles");
		act(agent, id, "accept");
		assertThat(statusOf(id)).isEqualTo("IN_PROGRESS");
		act(agent, id, "assign", "department", "Voirie", "agent", "agent.ixelles");
		act(agent, id, "priority", "gravity", "3", "probability", "2");
		act(agent, id, "plan", "plannedDate", java.time.LocalDate.now().plusDays(7).toString());
		act(agent, id, "comment", "text", "Internal note", "visibility", "CONFIDENTIAL");
		act(agent, id, "close", "notes", "Repaired");
		assertThat(statusOf(id)).isEqualTo("CLOSED");
		assertThat(jdbc.queryForObject("select gravity * probability from incident_report where id = ?", Integer.class, id))
			.isEqualTo(6);
		mvc.perform(get("/incidents/{id}", id).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Closed")))
			.andExpect(content().string(not(containsString("Internal note"))))
			.andExpect(content().string(containsString("Repaired")));
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from notification_message where recipient = ? and template = 'incident/updated'",
				Integer.class, subscriber)).isGreaterThanOrEqualTo(3));
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'incident.closed' and target_id = ?", Integer.class,
				Long.toString(id))).isEqualTo(1));
	}

	@Test
	void impossibleTransitionsAreRefusedAndChangeNothing() throws Exception {
		long id = newIxellesReport("graffiti");
		MockHttpSession agent = login("agent.ixelles");
		act(agent, id, "refuse", "reason", "");
		assertThat(statusOf(id)).isEqualTo("CREATED");
		act(agent, id, "refuse", "reason", "Private property");
		assertThat(statusOf(id)).isEqualTo("REFUSED");
		MvcResult solve = act(agent, id, "solve");
		assertThat(solve.getFlashMap().get("actionError")).isEqualTo("incident.error.transition");
		assertThat(statusOf(id)).isEqualTo("REFUSED");
		act(agent, id, "priority", "gravity", "9", "probability", "1");
		assertThat(jdbc.queryForObject("select gravity from incident_report where id = ?", Integer.class, id)).isZero();
	}

	@Test
	void anotherOrganisationNeitherSeesNorChangesTheReport() throws Exception {
		long id = newIxellesReport("pothole");
		MockHttpSession schaerbeek = login("agent.schaerbeek");
		mvc.perform(get("/desk/incidents/{id}", id).session(schaerbeek)).andExpect(status().isNotFound());
		mvc.perform(post("/desk/incidents/{id}/actions/close", id).session(schaerbeek).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(statusOf(id)).isEqualTo("CREATED");
		mvc.perform(get("/desk/incidents").session(schaerbeek))
			.andExpect(content().string(not(containsString("/desk/incidents/" + id + "\""))));
		mvc.perform(get("/desk/incidents").session(login("citizen.demo"))).andExpect(status().isForbidden());
		mvc.perform(get("/desk/incidents").accept("text/html")).andExpect(status().isFound());
	}

	@Test
	void contractorsSeeOnlyWhatIsAssignedToThemAndCanMarkItSolved() throws Exception {
		long assigned = newIxellesReport("bench-damaged");
		long other = newIxellesReport("bench-damaged");
		MockHttpSession agent = login("agent.ixelles");
		act(agent, assigned, "accept");
		act(agent, assigned, "contractor", "contractor", "contractor.ixelles");
		assertThat(statusOf(assigned)).isEqualTo("CONTRACTOR_ASSIGNED");
		MockHttpSession contractor = login("contractor.ixelles");
		mvc.perform(get("/desk/incidents/{id}", assigned).session(contractor)).andExpect(status().isOk());
		mvc.perform(get("/desk/incidents/{id}", other).session(contractor)).andExpect(status().isNotFound());
		act(contractor, assigned, "close");
		assertThat(statusOf(assigned)).as("contractors cannot close").isEqualTo("CONTRACTOR_ASSIGNED");
		act(contractor, assigned, "solve", "notes", "Bench replaced");
		assertThat(statusOf(assigned)).isEqualTo("SOLVED");
	}

	@Test
	void aTransferMovesTheReportToAnotherOrganisationWithTheReason() throws Exception {
		long id = newIxellesReport("overgrown-vegetation");
		MockHttpSession agent = login("agent.ixelles");
		act(agent, id, "transfer", "organisation", "agency-environment", "reason", "Regional park");
		assertThat(jdbc.queryForObject("select organisation_id from incident_report where id = ?", String.class, id))
			.isEqualTo("agency-environment");
		mvc.perform(get("/desk/incidents/{id}", id).session(agent)).andExpect(status().isNotFound());
		mvc.perform(get("/incidents/{id}", id).header("Accept-Language", "fr"))
			.andExpect(content().string(containsString("Regional park")))
			.andExpect(content().string(containsString("Bruxelles Environnement")));
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'incident.transferred' and target_id = ?",
				Integer.class, Long.toString(id))).isEqualTo(1));
		act(agent, id, "transfer", "organisation", "nowhere", "reason", "x");
	}

	@Test
	void mergingKeepsTheOlderReportAndMovesPhotosCommentsAndSubscribers() throws Exception {
		long older = newIxellesReport("street-light-out");
		MockHttpSession citizen = login("citizen.demo");
		long newer = idOf(report(citizen, FLAGEY, "SIDEWALK", "street-light-out", "Same lamp " + UUID.randomUUID(),
				"second@example.org", UUID.randomUUID().toString(), true, IncidentReportingTests.photo()));
		MockHttpSession agent = login("agent.ixelles");
		act(agent, newer, "comment", "text", "Seen by the night shift", "visibility", "PUBLIC");
		act(agent, newer, "merge", "other", Long.toString(older));
		assertThat(statusOf(newer)).isEqualTo("MERGED");
		assertThat(statusOf(older)).isEqualTo("CREATED");
		assertThat(jdbc.queryForObject("select count(*) from incident_photo where report_id = ?", Integer.class, older))
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from incident_comment where report_id = ?", Integer.class, older))
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from incident_subscription where report_id = ? and email = 'second@example.org'",
				Integer.class, older)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select merged_into from incident_report where id = ?", Long.class, newer))
			.isEqualTo(older);
	}

	@Test
	void theDispatchMatrixPicksTheDepartment() throws Exception {
		MockHttpSession admin = login("admin.ixelles");
		mvc.perform(post("/desk/dispatch").param("category", "blocked-drain").param("department", "Égouts").session(admin)
			.with(csrf()));
		long id = newIxellesReport("blocked-drain");
		assertThat(jdbc.queryForObject("select department from incident_report where id = ?", String.class, id))
			.isEqualTo("Égouts");
		mvc.perform(get("/desk/dispatch").session(login("agent.ixelles"))).andExpect(status().isForbidden());
	}

	@Test
	void statisticsCsvAndPdfForTheOrganisation() throws Exception {
		newIxellesReport("dead-animal");
		MockHttpSession agent = login("agent.ixelles");
		mvc.perform(get("/desk/incidents/stats").session(agent).header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Per gemeente")));
		String csv = mvc.perform(get("/desk/incidents/export.csv").session(agent))
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).startsWith("id,created").contains(",21009,").doesNotContain("@example.org");
		long id = newIxellesReport("dead-animal");
		byte[] pdf = mvc.perform(get("/desk/incidents/{id}/report.pdf", id).session(agent))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
	}

	@Test
	void staffAddPhotosWhoseVisibilityDecidesWhoSeesThem() throws Exception {
		long id = newIxellesReport("graffiti");
		MockHttpSession agent = login("agent.ixelles");
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/desk/incidents/{id}/photos", id)
			.file(new org.springframework.mock.web.MockMultipartFile("photos", "after.jpg", "image/jpeg", TestPhotos.jpeg(300, 200)))
			.param("visibility", "PRIVATE")
			.session(agent)
			.with(csrf()));
		String sha = jdbc.queryForObject("select sha256 from incident_photo where report_id = ?", String.class, id);
		mvc.perform(get("/desk/incidents/photos/{sha}.jpg", sha).session(agent)).andExpect(status().isOk());
		mvc.perform(get("/incidents/photos/{sha}.jpg", sha)).andExpect(status().isNotFound());
		mvc.perform(get("/desk/incidents/photos/{sha}.jpg", sha).session(login("agent.schaerbeek")))
			.andExpect(status().isNotFound());
	}

	@Test
	void professionalsReportStraightIntoTheirOrganisationsQueue() throws Exception {
		MockHttpSession agent = login("agent.mobility");
		long id = idOf(report(agent, FLAGEY, "SIDEWALK", "pothole", "Seen on patrol " + UUID.randomUUID(), "",
				UUID.randomUUID().toString(), true));
		assertThat(jdbc.queryForObject("select organisation_id || '/' || source from incident_report where id = ?",
				String.class, id)).isEqualTo("agency-mobility/PROFESSIONAL");
	}
}
