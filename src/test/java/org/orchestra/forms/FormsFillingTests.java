package org.orchestra.forms;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Citizens fill forms step by step: drafts, conditions, validation of every type, sending, immutability. */
class FormsFillingTests extends FormsTestSupport {

	@BeforeEach
	void geography() throws Exception {
		realGeography();
	}

	@Test
	void eachStepIsSavedAsADraftAndHiddenFieldsAreNeitherValidatedNorKept() throws Exception {
		String key = unique("simple");
		publish(simpleForm(key, "{\"mode\": \"CHOSEN\"}"), IXELLES, SCHAERBEEK);
		MockHttpSession citizen = login("citizen.demo");
		UUID id = start(citizen, key);
		assertThat(stateOf(id)).isEqualTo("DRAFT");

		// "detail" is required only when kind = b: with kind = a it is hidden, so not required and not kept
		MvcResult first = step(citizen, id, 0, null, "f_kind", "a", "f_detail", "should not be kept");
		assertThat(redirectOf(first)).isEqualTo("/forms/submissions/" + id + "/steps/1");
		assertThat(answers(id)).contains("\"kind\"").doesNotContain("should not be kept");

		// with kind = b, the same field becomes required
		MvcResult missing = step(citizen, id, 0, null, "f_kind", "b");
		assertThat(missing.getResponse().getStatus()).isEqualTo(422);
		assertThat(missing.getResponse().getContentAsString()).contains("Cette réponse est obligatoire");
		step(citizen, id, 0, null, "f_kind", "b", "f_detail", "kept now");
		assertThat(answers(id)).contains("kept now");

		// resuming later from "my forms" goes back to the first unfinished step
		mvc.perform(get("/forms/mine").session(citizen).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Test " + key)));
		mvc.perform(get("/forms/submissions/{id}", id).session(citizen))
			.andExpect(redirectedUrl("/forms/submissions/" + id + "/steps/1"));

		MvcResult second = step(citizen, id, 1, null, "lon", Double.toString(FLAGEY[0]), "lat",
				Double.toString(FLAGEY[1]), "f_where", "Place Flagey");
		assertThat(redirectOf(second)).isEqualTo("/forms/submissions/" + id + "/summary");
		assertThat(answers(id)).contains("21009");
		mvc.perform(get("/forms/submissions/{id}/summary", id).session(citizen).header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Controleer uw antwoorden")))
			.andExpect(content().string(containsString("kept now")));

		// switching back to kind = a drops the hidden answer when sending
		step(citizen, id, 0, null, "f_kind", "a");
		MvcResult sent = submit(citizen, id, IXELLES);
		assertThat(redirectOf(sent)).isEqualTo("/forms/submissions/" + id);
		assertThat(stateOf(id)).isEqualTo("RECEIVED");
		assertThat(answers(id)).doesNotContain("kept now").doesNotContain("\"detail\"");
		assertThat(jdbc.queryForObject("select reference from forms_submission where id = ?", String.class, id))
			.matches("F-\\d{4}-\\d{6}");
	}

	@Test
	void everyFieldTypeIsValidatedWithAMessageInTheUsersLanguage() throws Exception {
		String key = unique("types");
		publish("""
				{"key": "%s", "title": {"fr": "Types", "nl": "Types"},
				 "steps": [
				  {"key": "one", "title": {"fr": "Un", "nl": "Een"}, "fields": [
				    {"key": "t", "type": "TEXT", "required": true, "label": {"fr": "T", "nl": "T"},
				     "validation": {"minLength": 3, "maxLength": 10, "pattern": "[A-Z]+"}},
				    {"key": "lt", "type": "LONG_TEXT", "label": {"fr": "LT", "nl": "LT"}, "validation": {"maxLength": 20}},
				    {"key": "n", "type": "NUMBER", "required": true, "label": {"fr": "N", "nl": "N"},
				     "validation": {"min": 1, "max": 5, "integer": true}},
				    {"key": "d", "type": "DATE", "required": true, "label": {"fr": "D", "nl": "D"},
				     "validation": {"dateRange": "PAST", "minDate": "2000-01-01"}},
				    {"key": "e", "type": "EMAIL", "required": true, "label": {"fr": "E", "nl": "E"}},
				    {"key": "c", "type": "SINGLE_CHOICE", "required": true, "label": {"fr": "C", "nl": "C"},
				     "options": [{"value": "a", "label": {"fr": "A", "nl": "A"}}]},
				    {"key": "m", "type": "MULTIPLE_CHOICE", "required": true, "label": {"fr": "M", "nl": "M"},
				     "validation": {"max": 2},
				     "options": [{"value": "x", "label": {"fr": "X", "nl": "X"}}, {"value": "y", "label": {"fr": "Y", "nl": "Y"}},
				                 {"value": "z", "label": {"fr": "Z", "nl": "Z"}}]},
				    {"key": "nn", "type": "NATIONAL_NUMBER", "required": true, "label": {"fr": "NN", "nl": "NN"}},
				    {"key": "ok", "type": "CONSENT", "required": true, "label": {"fr": "OK", "nl": "OK"}}]},
				  {"key": "two", "title": {"fr": "Deux", "nl": "Twee"}, "fields": [
				    {"key": "addr", "type": "ADDRESS", "required": true, "label": {"fr": "A", "nl": "A"}},
				    {"key": "f", "type": "FILE", "required": true, "label": {"fr": "F", "nl": "F"},
				     "validation": {"fileTypes": ["pdf"], "maxSizeKb": 1}}]}
				 ]}""".formatted(key), IXELLES);
		MockHttpSession citizen = login("citizen.demo");
		UUID id = start(citizen, key);

		MvcResult bad = apiStep(citizen, id, 0, """
				{"t": ["ab"], "lt": ["%s"], "n": ["2.5"], "d": ["2999-01-01"], "e": ["not-an-address"], "c": ["zz"],
				 "m": ["x", "y", "z"], "nn": ["85073003329"]}""".formatted("x".repeat(21)));
		assertThat(bad.getResponse().getStatus()).isEqualTo(422);
		String body = bad.getResponse().getContentAsString();
		assertThat(body).contains("\"field\":\"t\"", "forms.error.too-short", "forms.error.too-long",
				"forms.error.integer", "forms.error.date-future", "forms.error.email", "forms.error.choice",
				"forms.error.choices-max", "forms.error.national-number", "forms.error.consent-required",
				"At least 3 characters");
		assertThat(apiStep(citizen, id, 0, """
				{"t": ["abcd"], "n": ["9"], "d": ["1999-12-31"], "e": ["a@b.be"], "c": ["a"], "m": ["x"],
				 "nn": ["85.07.30-033.28"], "ok": ["true"]}""").getResponse().getContentAsString())
			.contains("forms.error.pattern", "forms.error.max", "forms.error.date-min")
			.doesNotContain("forms.error.national-number");
		// nothing of a refused step is stored
		assertThat(answers(id)).isEqualTo("{}");

		MvcResult good = apiStep(citizen, id, 0, """
				{"t": ["ABCD"], "n": ["3"], "d": ["2020-02-29"], "e": ["a@b.be"], "c": ["a"], "m": ["x", "z"],
				 "nn": ["85.07.30-033.28"], "ok": ["true"]}""");
		assertThat(good.getResponse().getStatus()).isEqualTo(200);
		assertThat(answers(id)).contains("85073003328", "2020-02-29");

		// address outside the region, file of the wrong kind
		MvcResult refused = step(citizen, id, 1,
				new MockMultipartFile("f_f", "photo.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 }),
				"lon", "5.5", "lat", "51.2", "f_addr", "Antwerpen");
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(refused.getResponse().getContentAsString()).contains("f_f", "f_addr");
		MvcResult tooBig = step(citizen, id, 1, new MockMultipartFile("f_f", "big.pdf", "application/pdf",
				(new String(PDF) + "x".repeat(2000)).getBytes()), "lon", Double.toString(FLAGEY[0]), "lat",
				Double.toString(FLAGEY[1]));
		assertThat(tooBig.getResponse().getStatus()).isEqualTo(422);
		MvcResult ok = step(citizen, id, 1, new MockMultipartFile("f_f", "../../certificate.pdf", "image/png", PDF),
				"lon", Double.toString(FLAGEY[0]), "lat", Double.toString(FLAGEY[1]));
		assertThat(redirectOf(ok)).endsWith("/summary");
		assertThat(answers(id)).contains("certificate.pdf", "application/pdf").doesNotContain("../");
		mvc.perform(get("/forms/submissions/{id}/files/f", id).session(citizen))
			.andExpect(status().isOk())
			.andExpect(content().bytes(PDF));
	}

	@Test
	void aSentFormIsImmutable() throws Exception {
		String key = unique("immutable");
		publish(simpleForm(key, "{\"mode\": \"CHOSEN\"}"), IXELLES);
		MockHttpSession citizen = login("citizen.demo");
		UUID id = start(citizen, key);
		step(citizen, id, 0, null, "f_kind", "a");
		step(citizen, id, 1, null, "lon", Double.toString(FLAGEY[0]), "lat", Double.toString(FLAGEY[1]));
		submit(citizen, id, IXELLES);
		String before = answers(id);

		assertThat(step(citizen, id, 0, null, "f_kind", "b", "f_detail", "changed").getResponse().getStatus())
			.isEqualTo(409);
		MvcResult api = apiStep(citizen, id, 0, "{\"kind\": [\"b\"]}");
		assertThat(api.getResponse().getStatus()).isEqualTo(409);
		assertThat(api.getResponse().getContentAsString()).contains("forms.error.already-sent",
				"can no longer be changed");
		assertThat(submit(citizen, id, IXELLES).getResponse().getStatus()).isEqualTo(409);
		mvc.perform(post("/forms/submissions/{id}/delete", id).session(citizen).with(csrf()).header("Accept-Language", "fr"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("ne peuvent plus être modifiées")));
		assertThat(answers(id)).isEqualTo(before);
		assertThat(stateOf(id)).isEqualTo("RECEIVED");
	}

	@Test
	void aSubmissionKeepsTheVersionItWasFilledWith() throws Exception {
		String key = unique("versioned");
		Form form = publish(simpleForm(key, "{\"mode\": \"CHOSEN\"}"), IXELLES);
		UUID v1 = design.published(key).orElseThrow().version().id();
		MockHttpSession citizen = login("citizen.demo");
		UUID old = start(citizen, key);

		// a published version is frozen: editing makes a new draft, publishing it supersedes version 1
		FormDefinition edited = design.editable(form.id());
		FormDefinition renamed = edited.withSteps(edited.steps()
			.stream()
			.map(s -> s.withFields(s.fields()
				.stream()
				.map(f -> f.key().equals("note") ? new FormDefinition.Field(f.key(), f.type(),
						org.orchestra.shared.LocalizedText.of("Remarque v2", "Opmerking v2", "Remark v2"), f.help(),
						f.required(), f.personal(), f.validation(), f.options(), f.condition()) : f)
				.toList()))
			.toList());
		FormVersion draft = design.saveDraft(form.id(), renamed);
		assertThat(draft.number()).isEqualTo(2);
		assertThat(design.published(key).orElseThrow().version().id()).isEqualTo(v1);
		design.publish(form.id());
		assertThat(jdbc.queryForObject("select status from forms_version where id = ?", String.class, v1))
			.isEqualTo("SUPERSEDED");
		FormVersion frozen = design.version(v1).orElseThrow();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> frozen.redefine("{}"))
			.isInstanceOf(FormsException.class)
			.hasMessage("forms.error.version-frozen");

		UUID fresh = start(citizen, key);
		assertThat(jdbc.queryForObject("select version_id from forms_submission where id = ?", UUID.class, old))
			.isEqualTo(v1);
		assertThat(jdbc.queryForObject("select version_id from forms_submission where id = ?", UUID.class, fresh))
			.isEqualTo(draft.id());

		// the old draft is still filled, sent and shown with version 1's labels
		step(citizen, old, 0, null, "f_kind", "a");
		mvc.perform(get("/forms/submissions/{id}/steps/1", old).session(citizen).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Note")))
			.andExpect(content().string(not(containsString("Remark v2"))));
		mvc.perform(get("/forms/submissions/{id}/steps/1", fresh).session(citizen).header("Accept-Language", "en"))
			.andExpect(status().isOk());
		step(citizen, old, 1, null, "lon", Double.toString(FLAGEY[0]), "lat", Double.toString(FLAGEY[1]), "f_note", "hello");
		submit(citizen, old, IXELLES);
		mvc.perform(get("/api/forms/submissions/{id}", old).session(citizen))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.answers.note.text").value("hello"));
	}

	@Test
	void citizensSeeOnlyTheirOwnSubmissionsAndAnonymousVisitorsAreSentToSignIn() throws Exception {
		String key = unique("own");
		publish(simpleForm(key, "{\"mode\": \"CHOSEN\"}"), IXELLES);
		MockHttpSession citizen = login("citizen.demo");
		UUID id = start(citizen, key);
		assertThat(mvc.perform(get("/forms/submissions/{id}/steps/0", id)).andReturn().getResponse().getStatus())
			.isIn(302, 401);
		MockHttpSession agent = login("agent.ixelles");
		mvc.perform(get("/forms/submissions/{id}/steps/0", id).session(agent)).andExpect(status().isForbidden());
		mvc.perform(get("/forms/{key}", key).header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Beginnen")));
		mvc.perform(get("/api/forms/definitions/{key}", key))
			.andExpect(jsonPath("$.definition.steps[0].fields[1].condition.field").value("kind"))
			.andExpect(jsonPath("$.offeredBy[0]").value(IXELLES));
	}

	@Test
	void theDemoParkingCardAsksForTheEmployersAttestationOnlyForACompanyCar() throws Exception {
		MockHttpSession citizen = login("citizen.demo");
		UUID id = start(citizen, "parking-card");
		step(citizen, id, 0, null, "lon", Double.toString(COLIGNON[0]), "lat", Double.toString(COLIGNON[1]),
				"f_homeAddress", "Place Colignon");
		MvcResult vehicle = step(citizen, id, 1, new MockMultipartFile("f_registration", "reg.pdf", "application/pdf", PDF),
				"f_plate", "1-ABC-234", "f_vehicleType", "car", "f_companyCar", "no");
		assertThat(redirectOf(vehicle)).endsWith("/steps/3");
		step(citizen, id, 1, null, "f_plate", "1-ABC-234", "f_vehicleType", "car", "f_companyCar", "yes");
		mvc.perform(get("/forms/submissions/{id}/steps/3", id).session(citizen)).andExpect(status().isOk());
		step(citizen, id, 3, null, "f_honour", "true");
		MvcResult incomplete = submit(citizen, id, null);
		assertThat(redirectOf(incomplete)).contains("/steps/2");
		assertThat(stateOf(id)).isEqualTo("DRAFT");
		step(citizen, id, 2, new MockMultipartFile("f_employerAttestation", "att.pdf", "application/pdf", PDF),
				"f_employerName", "ACME");
		submit(citizen, id, null);
		assertThat(stateOf(id)).isEqualTo("RECEIVED");
		assertThat(jdbc.queryForObject("select organisation_id from forms_submission where id = ?", String.class, id))
			.isEqualTo(SCHAERBEEK);
	}
}
