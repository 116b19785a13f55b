package org.orchestra.forms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.orchestra.PlatformTests;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.territory.ImportJob;
import org.orchestra.territory.ImportKind;
import org.orchestra.territory.Territory;
import org.orchestra.territory.TerritoryImports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** Forms tests run on the real UrbIS commune boundaries; each test uses forms with keys of its own. */
abstract class FormsTestSupport extends PlatformTests {

	static final Path DATA = Path.of("../shared/data/brussels");
	static final String IXELLES = "commune-21009";
	static final String SCHAERBEEK = "commune-21015";
	/** Place Flagey, Ixelles. */
	static final double[] FLAGEY = { 4.3722, 50.8277 };
	/** Place Colignon, Schaerbeek. */
	static final double[] COLIGNON = { 4.3772, 50.8676 };
	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();

	@Autowired
	protected Territory territory;

	@Autowired
	protected TerritoryImports imports;

	@Autowired
	protected FormDesign design;

	@Autowired
	protected FormsJson json;

	protected void realGeography() throws IOException {
		if (territory.approximate()) {
			ImportJob job = imports.importNow(ImportKind.COMMUNES, "communes",
					Files.readAllBytes(DATA.resolve("communes/brussels_communes_lambert72.geojson")));
			assertThat(job.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
		}
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Imports a definition, publishes it and has the given organisations offer it. */
	protected Form publish(String definition, String... offeredBy) {
		Form form = design.importDefinition(definition);
		design.publish(form.id());
		for (String organisation : offeredBy) {
			design.offer(OrganisationId.of(organisation), form.id(), true);
		}
		return form;
	}

	protected UUID start(MockHttpSession citizen, String key) throws Exception {
		MvcResult result = mvc.perform(post("/forms/{key}/start", key).session(citizen).with(csrf())).andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).as("redirect after start").startsWith("/forms/submissions/");
		return UUID.fromString(location.split("/")[3]);
	}

	/** Posts a step as the page does; pairs of name and value (a name may repeat). */
	protected MvcResult step(MockHttpSession citizen, UUID id, int index, MockMultipartFile file, String... params)
			throws Exception {
		var request = multipart("/forms/submissions/{id}/steps/{index}", id, index);
		if (file != null) {
			request.file(file);
		}
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request.session(citizen).with(csrf())).andReturn();
	}

	protected MvcResult apiStep(MockHttpSession citizen, UUID id, int index, String answersJson) throws Exception {
		return mvc.perform(put("/api/forms/submissions/{id}/steps/{index}", id, index).session(citizen)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"answers\":" + answersJson + "}")).andReturn();
	}

	protected MvcResult submit(MockHttpSession citizen, UUID id, String organisation) throws Exception {
		var request = post("/forms/submissions/{id}/submit", id).session(citizen).with(csrf());
		if (organisation != null) {
			request.param("organisation", organisation);
		}
		return mvc.perform(request).andReturn();
	}

	/** The redirect of a step or a submission; on failure, the errors the page shows. */
	static String redirectOf(MvcResult result) throws Exception {
		String location = result.getResponse().getRedirectedUrl();
		String page = result.getResponse().getContentAsString();
		java.util.List<String> errors = new java.util.ArrayList<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("field-error\"[^>]*>([^<]*)").matcher(page);
		while (m.find()) {
			errors.add(m.group(1));
		}
		assertThat(location).as("redirect (status %s, errors %s)", result.getResponse().getStatus(), errors).isNotNull();
		return location;
	}

	String stateOf(UUID id) {
		return jdbc.queryForObject("select status from forms_submission where id = ?", String.class, id);
	}

	String answers(UUID id) {
		return jdbc.queryForObject("select answers from forms_submission where id = ?", String.class, id);
	}

	/** A small form of two steps: a choice, and a text shown only for one of its values. */
	static String simpleForm(String key, String routing) {
		return """
				{"key": "%s", "title": {"fr": "Test %s", "nl": "Test %s", "en": "Test %s"},
				 "routing": %s, "retentionDays": 30,
				 "steps": [
				  {"key": "one", "title": {"fr": "Un", "nl": "Een", "en": "One"}, "fields": [
				    {"key": "kind", "type": "SINGLE_CHOICE", "required": true, "personal": false,
				     "label": {"fr": "Genre", "nl": "Soort", "en": "Kind"},
				     "options": [{"value": "a", "label": {"fr": "A", "nl": "A"}}, {"value": "b", "label": {"fr": "B", "nl": "B"}}]},
				    {"key": "detail", "type": "TEXT", "required": true, "personal": true,
				     "label": {"fr": "Détail", "nl": "Detail", "en": "Detail"},
				     "condition": {"field": "kind", "values": ["b"]}}]},
				  {"key": "two", "title": {"fr": "Deux", "nl": "Twee", "en": "Two"}, "fields": [
				    {"key": "where", "type": "ADDRESS", "required": true, "personal": true,
				     "label": {"fr": "Adresse", "nl": "Adres", "en": "Address"}},
				    {"key": "note", "type": "LONG_TEXT", "required": false, "personal": false,
				     "label": {"fr": "Note", "nl": "Nota", "en": "Note"}}]}
				 ]}""".formatted(key, key, key, key, routing);
	}
}
