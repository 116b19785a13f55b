package org.orchestra.forms;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The designer checks definitions as a whole, versions them and imports and exports them as JSON. */
class FormsDesignerTests extends FormsTestSupport {

	List<String> codes(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidDefinitionException ex) {
			return ex.problems().stream().map(DefinitionProblem::code).toList();
		}
		throw new AssertionError("definition accepted");
	}

	@Test
	void definitionsWithUnknownTypesBrokenConditionsOrDuplicateKeysAreRefusedWithEveryProblem() {
		assertThat(codes(() -> json.readDefinition("""
				{"key": "x-form", "title": {"fr": "X", "nl": "X"}, "steps": [{"key": "s", "title": {"fr": "S", "nl": "S"},
				 "fields": [{"key": "f", "type": "SIGNATURE", "label": {"fr": "F", "nl": "F"}}]}]}""")))
			.containsExactly("forms.definition.unknown-type");
		assertThat(codes(() -> json.readDefinition("{\"key\": \"x-form\", \"colour\": \"red\"}")))
			.containsExactly("forms.definition.unknown-property");
		assertThat(codes(() -> json.readDefinition("{\"key\": \"x-form\", \"title\": {\"fr\": \"X\"}}")))
			.containsExactly("forms.definition.text-missing");
		assertThat(codes(() -> json.readDefinition("not json"))).containsExactly("forms.definition.unreadable");

		FormDefinition broken = json.readDefinition("""
				{"key": "x-form", "title": {"fr": "X", "nl": "X"}, "routing": {"mode": "ADDRESS", "addressField": "nowhere"},
				 "steps": [
				  {"key": "s", "title": {"fr": "S", "nl": "S"}, "condition": {"field": "later", "values": ["y"]}, "fields": [
				    {"key": "f", "type": "TEXT", "label": {"fr": "F", "nl": "F"}, "condition": {"field": "ghost", "values": ["1"]}},
				    {"key": "f", "type": "NUMBER", "label": {"fr": "G", "nl": "G"}, "validation": {"min": 5, "max": 1}},
				    {"key": "c", "type": "SINGLE_CHOICE", "label": {"fr": "C", "nl": "C"}, "options": []},
				    {"key": "p", "type": "TEXT", "label": {"fr": "P", "nl": "P"}, "validation": {"pattern": "(unclosed"}},
				    {"key": "q", "type": "TEXT", "label": {"fr": "Q", "nl": "Q"}, "condition": {"field": "c", "values": ["nope"]}}]},
				  {"key": "s", "title": {"fr": "S2", "nl": "S2"}, "fields": [
				    {"key": "later", "type": "FILE", "label": {"fr": "L", "nl": "L"}, "validation": {"fileTypes": ["exe"]}}]}]}""");
		assertThat(DefinitionValidator.problems(broken).stream().map(DefinitionProblem::code)).contains(
				"forms.definition.condition-missing-field", "forms.definition.duplicate-field",
				"forms.definition.min-max", "forms.definition.no-options", "forms.definition.pattern",
				"forms.definition.condition-unknown-value", "forms.definition.duplicate-step",
				"forms.definition.file-types", "forms.definition.routing-field");
		long forms = jdbc.queryForObject("select count(*) from forms_form", Long.class);
		assertThatThrownBy(() -> design.importDefinition(json.write(broken))).isInstanceOf(InvalidDefinitionException.class);
		assertThat(jdbc.queryForObject("select count(*) from forms_form", Long.class)).isEqualTo(forms);
	}

	@Test
	void anAdministratorBuildsPreviewsAndPublishesAFormInThePages() throws Exception {
		MockHttpSession admin = login("admin.region");
		String key = unique("built");
		MvcResult created = mvc.perform(post("/designer/forms").session(admin).with(csrf()).param("key", key)
			.param("titleFr", "Demande de test").param("titleNl", "Testaanvraag").param("titleEn", "Test request"))
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/designer/forms/");
		UUID id = UUID.fromString(location.substring("/designer/forms/".length()));

		// publishing an empty step is refused with the reason
		mvc.perform(post("/designer/forms/{id}/publish", id).session(admin).with(csrf()).header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("has no field")));

		mvc.perform(post("/designer/forms/{id}/steps/0/fields", id).session(admin).with(csrf()).param("key", "kind")
			.param("type", "SINGLE_CHOICE").param("labelFr", "Type").param("labelNl", "Soort").param("required", "true")
			.param("options", "a|A fr|A nl|A en\nb|B fr|B nl|")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/designer/forms/{id}/steps/0/fields", id).session(admin).with(csrf()).param("key", "qty")
			.param("type", "NUMBER").param("labelFr", "Quantité").param("labelNl", "Aantal").param("min", "1")
			.param("max", "3").param("integer", "true").param("conditionField", "kind").param("conditionValues", "b"))
			.andExpect(status().is3xxRedirection());
		// a condition on a missing field is refused and nothing changes
		mvc.perform(post("/designer/forms/{id}/steps/0/fields", id).session(admin).with(csrf()).param("key", "bad")
			.param("type", "TEXT").param("labelFr", "X").param("labelNl", "X").param("conditionField", "ghost")
			.param("conditionValues", "1").header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("ghost")));
		mvc.perform(post("/designer/forms/{id}/steps/0/fields/qty/move", id).session(admin).with(csrf())
			.param("direction", "up")).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/designer/forms/{id}/steps", id).session(admin).with(csrf()).param("key", "second")
			.param("titleFr", "Deuxième").param("titleNl", "Tweede")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/designer/forms/{id}/steps/1/fields", id).session(admin).with(csrf()).param("key", "ok")
			.param("type", "CONSENT").param("labelFr", "D'accord").param("labelNl", "Akkoord").param("required", "true"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/designer/forms/{id}/steps/1/move", id).session(admin).with(csrf()).param("direction", "up"))
			.andExpect(status().is3xxRedirection());
		assertThat(design.editable(id).steps().getFirst().key()).isEqualTo("second");
		mvc.perform(post("/designer/forms/{id}/steps/0/move", id).session(admin).with(csrf()).param("direction", "down"));

		mvc.perform(get("/designer/forms/{id}/preview", id).session(admin).header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Aantal")));
		mvc.perform(post("/designer/forms/{id}/publish", id).session(admin).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(design.published(key)).isPresent();
		assertThat(design.published(key).orElseThrow().definition().field("qty").orElseThrow().rules().max())
			.isEqualByComparingTo("3");

		// export, then import the same definition: a new draft version of the same form
		String exported = mvc.perform(get("/designer/forms/{id}/export.json", id).session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json.readDefinition(exported).key()).isEqualTo(key);
		mvc.perform(post("/designer/forms/import").session(admin).with(csrf()).param("definition", exported))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from forms_version where form_id = ?", Integer.class, id))
			.isEqualTo(2);
		mvc.perform(post("/designer/forms/import").session(admin).with(csrf())
			.param("definition", exported.replace("NUMBER", "SIGNATURE")).header("Accept-Language", "fr"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Type de champ inconnu")));

		// staff of a commune cannot design
		mvc.perform(get("/designer/forms").session(login("admin.ixelles"))).andExpect(status().isForbidden());
	}

	@Test
	void theDesignerAndOfferingPagesRenderInEachLanguage() throws Exception {
		MockHttpSession admin = login("admin.region");
		UUID parking = design.published("parking-card").orElseThrow().form().id();
		for (String language : List.of("fr", "nl", "en")) {
			mvc.perform(get("/designer/forms").session(admin).header("Accept-Language", language))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("parking-card")));
			mvc.perform(get("/designer/forms/{id}", parking).session(admin).header("Accept-Language", language))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("employerAttestation")));
			mvc.perform(get("/designer/forms/{id}/steps/2/fields/employerAttestation", parking).session(admin)
				.header("Accept-Language", language)).andExpect(status().isOk());
			mvc.perform(get("/designer/forms/{id}/steps/0/fields/new", parking).session(admin)
				.header("Accept-Language", language)).andExpect(status().isOk());
			mvc.perform(get("/desk/forms/offering").session(login("admin.ixelles")).header("Accept-Language", language))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(parking.toString())));
		}
		mvc.perform(get("/designer/forms/{id}/steps/9/fields/new", parking).session(admin)).andExpect(status().isNotFound());
	}

	@Test
	void publishedFormsAreListedForCitizensInTheApiAndForTheAssistant() throws Exception {
		mvc.perform(get("/api/forms/definitions").accept(MediaType.APPLICATION_JSON).header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Aangifte van overlijden")))
			.andExpect(content().string(containsString("face-mask-order")));
		mvc.perform(get("/forms").header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Resident parking card")));
		assertThat(new FormsKnowledge(design).knowledge()).anySatisfy(entry -> {
			assertThat(entry.id()).isEqualTo("forms.form.death-declaration");
			assertThat(entry.link()).isEqualTo("/forms/death-declaration");
			assertThat(entry.title().nl()).isEqualTo("Aangifte van overlijden");
		});
		mvc.perform(get("/api/forms/definitions/nope").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound());
	}
}
