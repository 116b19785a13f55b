package org.orchestra.forms;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Submissions go to one commune's desk; agents handle them there; another commune never sees them. */
class FormsDeskTests extends FormsTestSupport {

	@BeforeEach
	void geography() throws Exception {
		realGeography();
	}

	UUID sent(String key, String routing, double[] where, String destination) throws Exception {
		MockHttpSession citizen = login("citizen.demo");
		UUID id = start(citizen, key);
		step(citizen, id, 0, null, "f_kind", "b", "f_detail", "Secret detail " + id);
		step(citizen, id, 1, null, "lon", Double.toString(where[0]), "lat", Double.toString(where[1]));
		MvcResult result = submit(citizen, id, destination);
		assertThat(stateOf(id)).as("sent %s", result.getResponse().getContentAsString()).isEqualTo("RECEIVED");
		return id;
	}

	MvcResult act(MockHttpSession session, UUID id, String action, String... params) throws Exception {
		var request = post("/desk/forms/{id}/actions/{action}", id, action).session(session).with(csrf());
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request.header("Accept-Language", "en")).andReturn();
	}

	@Test
	void aSubmissionGoesToTheChosenCommuneAndOnlyItsDeskSeesIt() throws Exception {
		String key = unique("chosen");
		publish(simpleForm(key, "{\"mode\": \"CHOSEN\"}"), IXELLES, SCHAERBEEK);
		UUID id = sent(key, "CHOSEN", FLAGEY, SCHAERBEEK);
		assertThat(jdbc.queryForObject("select organisation_id from forms_submission where id = ?", String.class, id))
			.isEqualTo(SCHAERBEEK);

		MockHttpSession schaerbeek = login("agent.schaerbeek");
		mvc.perform(get("/desk/forms").session(schaerbeek)).andExpect(content().string(containsString(id.toString())));
		mvc.perform(get("/desk/forms/{id}", id).session(schaerbeek))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Secret detail " + id)));

		MockHttpSession ixelles = login("agent.ixelles");
		mvc.perform(get("/desk/forms").session(ixelles)).andExpect(content().string(not(containsString(id.toString()))));
		mvc.perform(get("/desk/forms/{id}", id).session(ixelles)).andExpect(status().isNotFound());
		mvc.perform(get("/api/desk/forms/submissions/{id}", id).session(ixelles).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("forms.error.not-found"));
		assertThat(act(ixelles, id, "status", "status", "DONE").getResponse().getStatus()).isEqualTo(404);
		mvc.perform(get("/api/desk/forms/submissions").session(ixelles).accept(MediaType.APPLICATION_JSON))
			.andExpect(content().string(not(containsString(id.toString()))));
		assertThat(stateOf(id)).isEqualTo("RECEIVED");
	}

	@Test
	void aDestinationThatDoesNotOfferTheFormIsRefused() throws Exception {
		String key = unique("refusedto");
		publish(simpleForm(key, "{\"mode\": \"CHOSEN\"}"), IXELLES);
		MockHttpSession citizen = login("citizen.demo");
		UUID id = start(citizen, key);
		step(citizen, id, 0, null, "f_kind", "a");
		step(citizen, id, 1, null, "lon", Double.toString(FLAGEY[0]), "lat", Double.toString(FLAGEY[1]));
		MvcResult refused = submit(citizen, id, SCHAERBEEK);
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(stateOf(id)).isEqualTo("DRAFT");
		assertThat(jdbc.queryForObject("select reference from forms_submission where id = ?", String.class, id)).isNull();
	}

	@Test
	void routingByAddressSendsToTheCommuneOfTheAddress() throws Exception {
		String key = unique("byaddress");
		publish(simpleForm(key, "{\"mode\": \"ADDRESS\", \"addressField\": \"where\"}"), IXELLES);
		UUID id = sent(key, "ADDRESS", FLAGEY, null);
		assertThat(jdbc.queryForObject("select organisation_id from forms_submission where id = ?", String.class, id))
			.isEqualTo(IXELLES);
		// Schaerbeek does not offer it: an address there cannot be sent
		MockHttpSession citizen = login("citizen.demo");
		UUID other = start(citizen, key);
		step(citizen, other, 0, null, "f_kind", "a");
		step(citizen, other, 1, null, "lon", Double.toString(COLIGNON[0]), "lat", Double.toString(COLIGNON[1]));
		MvcResult refused = submit(citizen, other, null);
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(refused.getResponse().getContentAsString()).contains("ne propose pas ce formulaire");
	}

	@Test
	void theDeskAssignsAsksAnswersAndClosesAndTheCitizenFollowsAndIsMailed() throws Exception {
		String key = unique("workflow");
		publish(simpleForm(key, "{\"mode\": \"CHOSEN\"}"), IXELLES);
		UUID id = sent(key, "CHOSEN", FLAGEY, IXELLES);
		String reference = jdbc.queryForObject("select reference from forms_submission where id = ?", String.class, id);
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from notification_message where template = 'forms/received' and subject like ?",
				Integer.class, "%" + reference + "%")).isEqualTo(1));

		MockHttpSession agent = login("agent.ixelles");
		act(agent, id, "assign", "assignee", "agent.ixelles");
		assertThat(stateOf(id)).isEqualTo("IN_PROGRESS");
		assertThat(act(agent, id, "assign", "assignee", "agent.schaerbeek").getResponse().getStatus()).isEqualTo(400);
		act(agent, id, "note", "message", "Internal remark");
		act(agent, id, "status", "status", "WAITING", "reason", "Please send a clearer photo");
		assertThat(stateOf(id)).isEqualTo("WAITING");

		MockHttpSession citizen = login("citizen.demo");
		mvc.perform(get("/forms/submissions/{id}", id).session(citizen).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Waiting for you")))
			.andExpect(content().string(containsString("Please send a clearer photo")))
			.andExpect(content().string(not(containsString("Internal remark"))));
		mvc.perform(post("/forms/submissions/{id}/reply", id).session(citizen).with(csrf()).param("message", "Here it is"));
		assertThat(stateOf(id)).isEqualTo("IN_PROGRESS");

		assertThat(act(agent, id, "status", "status", "REFUSED").getResponse().getStatus()).isEqualTo(400);
		assertThat(act(agent, id, "status", "status", "DRAFT").getResponse().getStatus()).isEqualTo(400);
		mvc.perform(post("/api/desk/forms/submissions/{id}/answer", id).session(agent).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\": \"Your masks are on their way\"}")).andExpect(status().isOk());
		mvc.perform(post("/api/desk/forms/submissions/{id}/status", id).session(agent).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\": \"DONE\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"));
		MvcResult closed = act(agent, id, "status", "status", "IN_PROGRESS");
		assertThat(closed.getResponse().getStatus()).isEqualTo(409);
		assertThat(stateOf(id)).isEqualTo("DONE");

		mvc.perform(get("/api/forms/submissions/{id}", id).session(citizen))
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.history[?(@.type == 'noted')]").isEmpty());
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from notification_message where template = 'forms/updated' and subject like ?",
				Integer.class, "%" + reference + "%")).isGreaterThanOrEqualTo(3));
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'forms.submission.status' and target_id = ?",
				Integer.class, id.toString())).isGreaterThanOrEqualTo(2));
	}

	@Test
	void anOrganisationAdministratorChoosesTheFormsTheCommuneOffers() throws Exception {
		String key = unique("offer");
		Form form = publish(simpleForm(key, "{\"mode\": \"CHOSEN\"}"));
		assertThat(design.offeredBy(form.id())).isEmpty();
		MockHttpSession admin = login("admin.ixelles");
		mvc.perform(post("/desk/forms/offering").session(admin).with(csrf()).param("form", form.id().toString())
			.param("offered", "true")).andExpect(status().is3xxRedirection());
		assertThat(design.offeredBy(form.id())).containsExactly(IXELLES);
		MockHttpSession agent = login("agent.ixelles");
		mvc.perform(post("/desk/forms/offering").session(agent).with(csrf()).param("form", form.id().toString())
			.param("offered", "false")).andExpect(status().isForbidden());
		mvc.perform(post("/desk/forms/offering").session(admin).with(csrf()).param("form", form.id().toString())
			.param("offered", "false")).andExpect(status().is3xxRedirection());
		assertThat(design.offeredBy(form.id())).isEmpty();
	}
}
