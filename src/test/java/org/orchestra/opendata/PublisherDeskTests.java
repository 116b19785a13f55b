package org.orchestra.opendata;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The publishers' desk: an agent of Ixelles creates, edits and withdraws a dataset of the commune (audited, shown
 * and then gone on the portal); invalid forms are refused in the user's language with nothing stored; the desk is
 * closed to those without the privilege; Schaerbeek cannot see or change Ixelles' datasets; harvested datasets are
 * read-only.
 */
class PublisherDeskTests extends PlatformTests {

	static final OrganisationId IXELLES = OrganisationId.of("commune-21009");

	@Autowired
	DatasetStore store;

	@Autowired
	HarvestSources sources;

	@Autowired
	TransactionTemplate transactions;

	static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String unique,
			String... overrides) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("titleFr", "Bancs publics " + unique);
		fields.put("titleNl", "Openbare banken " + unique);
		fields.put("titleEn", "");
		fields.put("descriptionFr", "Emplacement des bancs publics " + unique);
		fields.put("descriptionNl", "Ligging van de openbare banken " + unique);
		fields.put("descriptionEn", "");
		fields.put("keywords", "bancs, banken, mobilier urbain");
		fields.put("licence", "CC_BY_4_0");
		fields.put("accessRights", "PUBLIC");
		fields.put("frequency", "ANNUAL");
		fields.put("temporalStart", "2024-01-01");
		fields.put("temporalEnd", "2024-12-31");
		fields.put("contactName", "Service Espace public");
		fields.put("contactEmail", "espace.public@example.org");
		fields.put("landingPage", "https://example.org/bancs");
		fields.put("distributions[0].url", "https://example.org/files/bancs-" + unique + ".csv");
		fields.put("distributions[0].title", "Bancs (CSV)");
		fields.put("distributions[0].format", "CSV");
		fields.put("distributions[0].mediaType", "text/csv");
		fields.put("distributions[1].url", "");
		fields.put("distributions[1].title", "");
		fields.put("distributions[1].format", "");
		fields.put("distributions[1].mediaType", "");
		fields.put("action", "save");
		for (int i = 0; i + 1 < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		request.with(csrf()).param("themes", "REGI", "SOCI");
		fields.forEach(request::param);
		return request;
	}

	String html(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	long count(String unique) {
		return jdbc.queryForObject("select count(*) from opendata_dataset where title_json like ?", Long.class,
				"%" + unique + "%");
	}

	String createAs(MockHttpSession session, String unique) throws Exception {
		MvcResult created = mvc.perform(form(post("/opendata/manage/new"), unique).session(session))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/opendata/manage/datasets/");
		return location.substring("/opendata/manage/datasets/".length());
	}

	@Test
	void anAgentCreatesEditsAndWithdrawsADatasetOfTheCommune() throws Exception {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		MockHttpSession agent = login("agent.ixelles");
		String slug = createAs(agent, unique);

		assertThat(jdbc.queryForObject("select organisation_id from opendata_dataset where slug = ?", String.class, slug))
			.isEqualTo("commune-21009");
		assertThat(jdbc.queryForObject("select publisher_id from opendata_dataset where slug = ?", String.class, slug))
			.isEqualTo("commune-21009");
		String page = html(mvc.perform(get("/opendata/datasets/" + slug).header("Accept-Language", "nl"))
			.andExpect(status().isOk()).andReturn());
		assertThat(page).contains("Openbare banken " + unique).contains("Gemeente Elsene").contains("Bancs (CSV)")
			.contains("Creative Commons Naamsvermelding 4.0").contains("Regio&#39;s en steden");
		String found = html(mvc.perform(get("/opendata").param("q", "banken " + unique).header("Accept-Language", "nl"))
			.andReturn());
		assertThat(found).contains("1 dataset");

		String desk = html(mvc.perform(get("/opendata/manage").session(agent).header("Accept-Language", "fr"))
			.andExpect(status().isOk()).andReturn());
		assertThat(desk).contains("Nos données ouvertes").contains("Bancs publics " + unique)
			.contains("Arbres d&#39;alignement à Ixelles").doesNotContain("Parcs de Schaerbeek");

		String edit = html(mvc.perform(get("/opendata/manage/datasets/" + slug).session(agent)
			.header("Accept-Language", "fr")).andExpect(status().isOk()).andReturn());
		assertThat(edit).contains("value=\"Bancs publics " + unique + "\"").contains("bancs, banken, mobilier urbain")
			.contains("https://example.org/files/bancs-" + unique + ".csv");

		mvc.perform(form(post("/opendata/manage/datasets/" + slug), unique, "titleFr", "Bancs et assises " + unique,
				"distributions[0].remove", "true", "distributions[1].url",
				"https://example.org/files/bancs-" + unique + ".geojson", "distributions[1].format", "GEOJSON")
			.session(agent))
			.andExpect(status().is3xxRedirection());
		page = html(mvc.perform(get("/opendata/datasets/" + slug).header("Accept-Language", "fr")).andReturn());
		assertThat(page).contains("Bancs et assises " + unique).contains("GeoJSON").doesNotContain("Bancs (CSV)");
		assertThat(jdbc.queryForList("select d.access_url from opendata_distribution d join opendata_dataset s "
				+ "on s.id = d.dataset_id where s.slug = ?", String.class, slug))
			.containsExactly("https://example.org/files/bancs-" + unique + ".geojson");

		mvc.perform(post("/opendata/manage/datasets/" + slug + "/withdraw").session(agent).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/opendata/datasets/" + slug)).andExpect(status().isGone());
		assertThat(html(mvc.perform(get("/opendata/manage").session(agent).header("Accept-Language", "fr"))
			.andReturn())).contains("Bancs et assises " + unique).contains("Retiré");

		UUID id = jdbc.queryForObject("select id from opendata_dataset where slug = ?", UUID.class, slug);
		eventually(() -> assertThat(jdbc.queryForList(
				"select action from audit_entry where target_id = ? and actor = 'agent.ixelles' order by seq",
				String.class, id.toString()))
			.containsExactlyInAnyOrder("opendata.dataset.created", "opendata.dataset.updated",
					"opendata.dataset.withdrawn"));
	}

	@Test
	void anInvalidFormIsRefusedInTheUsersLanguageAndNothingIsStored() throws Exception {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		MockHttpSession agent = login("agent.ixelles");
		String french = html(mvc.perform(form(post("/opendata/manage/new"), unique, "titleNl", "", "contactEmail",
				"not-an-address", "temporalEnd", "2023-01-01", "licence", "PROPRIETARY", "distributions[0].url",
				"javascript:alert(1)")
			.session(agent)
			.header("Accept-Language", "fr"))
			.andExpect(status().isBadRequest())
			.andReturn());
		assertThat(french).contains("Il y a un problème")
			.contains("Indiquez le titre dans cette langue.")
			.contains("Indiquez une adresse électronique valide")
			.contains("La fin de la période précède son début.")
			.contains("Choisissez une licence dans la liste.")
			.contains("Indiquez l&#39;adresse des données")
			.contains("href=\"#title-nl\"")
			.contains("value=\"Bancs publics " + unique + "\"");
		String dutch = html(mvc.perform(form(post("/opendata/manage/new"), unique, "descriptionFr", "  ",
				"temporalStart", "31/12/2024")
			.session(agent)
			.header("Accept-Language", "nl"))
			.andExpect(status().isBadRequest())
			.andReturn());
		assertThat(dutch).contains("Er is een probleem").contains("Geef de beschrijving in deze taal.")
			.contains("Geef een datum als JJJJ-MM-DD.");
		assertThat(count(unique)).isZero();

		String added = html(mvc.perform(form(post("/opendata/manage/new"), unique, "action", "add-row").session(agent))
			.andExpect(status().isOk()).andReturn());
		assertThat(added).contains("name=\"distributions[1].url\"").doesNotContain("Il y a un problème");
		assertThat(count(unique)).isZero();
	}

	@Test
	void theDeskIsForPublishersOnly() throws Exception {
		assertThat(mvc.perform(get("/opendata/manage")).andReturn().getResponse().getStatus()).isIn(302, 401);
		assertThat(mvc.perform(form(post("/opendata/manage/new"), "anonymous")).andReturn().getResponse().getStatus())
			.isIn(302, 401);
		MockHttpSession citizen = login("citizen.demo");
		mvc.perform(get("/opendata/manage").session(citizen)).andExpect(status().isForbidden());
		mvc.perform(form(post("/opendata/manage/new"), "citizen").session(citizen)).andExpect(status().isForbidden());
		MockHttpSession auditor = login("auditor.region");
		mvc.perform(get("/opendata/manage/new").session(auditor)).andExpect(status().isForbidden());
		assertThat(count("citizen")).isZero();
		MockHttpSession mobility = login("agent.mobility");
		assertThat(html(mvc.perform(get("/opendata/manage").session(mobility).header("Accept-Language", "nl"))
			.andExpect(status().isOk()).andReturn())).contains("Deelfietsstations").contains("Maandelijkse bezoekers");
	}

	@Test
	void schaerbeekCannotSeeOrChangeTheDatasetsOfIxelles() throws Exception {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String slug = createAs(login("agent.ixelles"), unique);
		MockHttpSession schaerbeek = login("agent.schaerbeek");

		String desk = html(mvc.perform(get("/opendata/manage").session(schaerbeek)).andExpect(status().isOk())
			.andReturn());
		assertThat(desk).contains("Parcs de Schaerbeek").doesNotContain(unique).doesNotContain("Arbres d&#39;alignement");
		mvc.perform(get("/opendata/manage/datasets/" + slug).session(schaerbeek)).andExpect(status().isNotFound());
		mvc.perform(form(post("/opendata/manage/datasets/" + slug), unique, "titleFr", "Volé " + unique)
			.session(schaerbeek)).andExpect(status().isNotFound());
		mvc.perform(post("/opendata/manage/datasets/" + slug + "/withdraw").session(schaerbeek).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(jdbc.queryForObject("select status from opendata_dataset where slug = ?", String.class, slug))
			.isEqualTo("PUBLISHED");
		assertThat(count("Volé " + unique)).isZero();
		// and the other way round
		String schaerbeekSlug = jdbc.queryForObject("select slug from opendata_dataset where identity_key = ?",
				String.class, "demo-schaerbeek-parks");
		mvc.perform(get("/opendata/manage/datasets/" + schaerbeekSlug).session(login("admin.ixelles")))
			.andExpect(status().isNotFound());
	}

	@Test
	void harvestedDatasetsAreShownReadOnly() throws Exception {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		HarvestSource source = TenantContext.callAs(IXELLES, () -> transactions.execute(s -> sources.save(
				new HarvestSource("desk-" + unique, SourceKind.DCAT, "https://example.org/" + unique, Schedule.MANUAL,
						null, 100, 100, 1_000_000, 10, Instant.now()))));
		DatasetRecord record = new DatasetRecord("h-" + unique, DatasetRecord.Kind.DATASET, null, "harvested-" + unique,
				Map.of("fr", "Moissonné " + unique, "nl", "Geoogst " + unique), Map.of("fr", "Texte"), List.of(),
				List.of(), List.of(), null, null, null, null, null, null, null, null, null, null, null, null, null,
				List.of(), null, null);
		TenantContext.runAs(IXELLES, () -> transactions
			.executeWithoutResult(s -> store.upsertHarvested(source, UUID.randomUUID(), record)));
		String slug = jdbc.queryForObject("select slug from opendata_dataset where identity_key = ?", String.class,
				"harvested-" + unique);
		MockHttpSession agent = login("agent.ixelles");
		String page = html(mvc.perform(get("/opendata/manage/datasets/" + slug).session(agent)
			.header("Accept-Language", "fr")).andExpect(status().isOk()).andReturn());
		assertThat(page).contains("Moissonné " + unique).contains("Moissonné</span>").doesNotContain("name=\"titleFr\"");
		mvc.perform(form(post("/opendata/manage/datasets/" + slug), unique).session(agent))
			.andExpect(status().isConflict());
		mvc.perform(post("/opendata/manage/datasets/" + slug + "/withdraw").session(agent).with(csrf()))
			.andExpect(status().isConflict());
		assertThat(count("Bancs publics " + unique)).isZero();
	}
}
