package org.orchestra.assistant;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.orchestra.shared.KnowledgeContribution;
import org.orchestra.shared.LocalizedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The assistant answers only from contributed content and the catalogue, with its sources, in the asker's
 * language and for the asker's commune; what it cannot answer goes to an agent of the chosen commune, whose inbox
 * no other commune sees; closed conversations are erased after the retention period while the counts remain.
 */
@Import(TestKnowledge.class)
@TestPropertySource(properties = "orchestra.assistant.refresh=0s")
class AssistantTests extends PlatformTests {

	static final String IXELLES = "commune-21009";
	static final String SCHAERBEEK = "commune-21015";

	@Autowired
	CounterAssistant assistant;

	@Autowired
	AssistantRetention retention;

	@Autowired
	AssistantProperties properties;

	final ObjectMapper json = new ObjectMapper();

	// ---- Answers ----

	@Test
	void answersFromAContributionWithItsSourceInFrenchDutchAndEnglish() {
		Answer fr = assistant.ask("Comment renouveler ma carte d'identité ?", Locale.FRENCH, null);
		assertThat(fr.answered()).isTrue();
		assertThat(fr.sources().getFirst().id()).isEqualTo("test.counter.eid");
		assertThat(fr.sources().getFirst().link()).isEqualTo("/counter/documents/eid");
		assertThat(fr.sources().getFirst().title()).isEqualTo("Renouveler sa carte d'identité électronique (eID)");
		assertThat(fr.text()).startsWith("Vous recevez une convocation");

		Answer nl = assistant.ask("Hoe vernieuw ik mijn identiteitskaart?", Locale.of("nl"), null);
		assertThat(nl.answered()).isTrue();
		assertThat(nl.language()).isEqualTo("nl");
		assertThat(nl.sources().getFirst().id()).isEqualTo("test.counter.eid");
		assertThat(nl.text()).startsWith("U krijgt een oproeping");

		Answer en = assistant.ask("How do I renew my ID card?", Locale.ENGLISH, null);
		assertThat(en.answered()).isTrue();
		assertThat(en.sources().getFirst().title()).isEqualTo("Renewing your electronic identity card (eID)");
		assertThat(en.text()).startsWith("You receive a letter");
	}

	@Test
	void answersInTheAskersLanguageWhateverTheLanguageOfTheQuestion() {
		Answer answer = assistant.ask("identiteitskaart vernieuwen", Locale.FRENCH, null);
		assertThat(answer.answered()).isTrue();
		assertThat(answer.text()).startsWith("Vous recevez une convocation");
	}

	@Test
	void answersFromTheCatalogueServices() {
		Answer answer = assistant.ask("Je veux signaler un nid de poule", Locale.FRENCH, null);
		assertThat(answer.answered()).isTrue();
		assertThat(answer.sources()).extracting(Answer.Source::link).contains("/incidents/new");
	}

	@Test
	void anUnknownQuestionGetsNoAnswerAndAHandOffOffer() {
		Answer answer = assistant.ask("Combien de girafes vivent au zoo d'Anvers ?", Locale.FRENCH, null);
		assertThat(answer.answered()).isFalse();
		assertThat(answer.reason()).isEqualTo("no-match");
		assertThat(answer.sources()).isEmpty();
		assertThat(answer.text()).isEmpty();
		assertThat(answer.handOffOffered()).isTrue();
	}

	@Test
	void askingForAPersonOffersTheHandOffRightAway() {
		Answer answer = assistant.ask("Je voudrais parler à un agent", Locale.FRENCH, null);
		assertThat(answer.answered()).isFalse();
		assertThat(answer.reason()).isEqualTo("asked-for-person");
		assertThat(assistant.ask("Ik wil met een medewerker spreken", Locale.of("nl"), null).reason())
			.isEqualTo("asked-for-person");
	}

	@Test
	void theAskersCommuneIsPreferredAndAnotherCommunesEntryIsNeverGivenAsItsOwn() {
		Answer schaerbeek = assistant.ask("Quels sont les horaires d'ouverture ?", Locale.FRENCH, SCHAERBEEK);
		assertThat(schaerbeek.answered()).isTrue();
		assertThat(schaerbeek.sources().getFirst().id()).isEqualTo("test.hours.commune-21015");
		assertThat(schaerbeek.sources().getFirst().organisation()).isEqualTo(SCHAERBEEK);
		assertThat(schaerbeek.sources()).extracting(Answer.Source::organisation).doesNotContain(IXELLES);
		assertThat(schaerbeek.text()).contains("9 h à 12 h 30");

		Answer ixelles = assistant.ask("Quels sont les horaires d'ouverture ?", Locale.FRENCH, IXELLES);
		assertThat(ixelles.sources().getFirst().id()).isEqualTo("test.hours.commune-21009");
		assertThat(ixelles.sources()).extracting(Answer.Source::organisation).doesNotContain(SCHAERBEEK);

		Answer named = assistant.ask("Openingsuren gemeentehuis Schaarbeek", Locale.of("nl"), null);
		assertThat(named.commune()).isEqualTo(SCHAERBEEK);
		assertThat(named.sources()).extracting(Answer.Source::id).containsExactly("test.hours.commune-21015");

		Answer unknown = assistant.ask("Quels sont les horaires d'ouverture ?", Locale.FRENCH, null);
		assertThat(unknown.communeNeeded()).isTrue();
		assertThat(unknown.sources()).allSatisfy(s -> assertThat(s.organisationName()).isNotBlank());

		Answer onlyIxelles = assistant.ask("carte de stationnement riverain", Locale.FRENCH, SCHAERBEEK);
		assertThat(onlyIxelles.sources()).extracting(Answer.Source::id).doesNotContain("test.forms.parking-21009");
		assertThat(assistant.ask("carte de stationnement riverain", Locale.FRENCH, IXELLES).sources())
			.extracting(Answer.Source::id).contains("test.forms.parking-21009");
	}

	@Test
	void newContentIsAnsweredOnceTheIndexIsRebuilt() {
		assertThat(assistant.ask("permis de détention de chèvres naines", Locale.FRENCH, null).answered()).isFalse();
		TestKnowledge.ADDED.add(new KnowledgeContribution.KnowledgeEntry("test.added.goats",
				LocalizedText.of("Permis de détention de chèvres naines", "Vergunning voor dwerggeiten", "Dwarf goat permit"),
				LocalizedText.of("Déclarez vos chèvres naines au service Environnement.",
						"Geef uw dwerggeiten aan bij de dienst Leefmilieu.", "Declare your dwarf goats to the Environment service."),
				"/forms/goats", null, List.of()));
		try {
			Answer answer = assistant.ask("permis de détention de chèvres naines", Locale.FRENCH, null);
			assertThat(answer.answered()).isTrue();
			assertThat(answer.sources().getFirst().id()).isEqualTo("test.added.goats");
		}
		finally {
			TestKnowledge.ADDED.clear();
		}
	}

	// ---- Pages and API ----

	@Test
	void thePageAnswersAPostedQuestionWithoutJavaScript() throws Exception {
		String page = mvc.perform(post("/assistant").param("question", "horaires d'ouverture").param("commune", IXELLES)
				.header("Accept-Language", "fr").with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Heures d&#39;ouverture de la maison communale", "/appointments/commune-21009",
				"Connectez-vous pour poser la question");
		assertThat(page).doesNotContain("/appointments/commune-21015");

		String empty = mvc.perform(post("/assistant").param("question", " ").header("Accept-Language", "nl").with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(empty).contains("Schrijf uw vraag.");
	}

	@Test
	void theApiAnswersWithSourcesAndRefusesBadInputWithAStructuredError() throws Exception {
		mvc.perform(post("/api/assistant/ask").contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content("{\"question\": \"opening hours\", \"commune\": \"commune-21015\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.answered").value(true))
			.andExpect(jsonPath("$.language").value("en"))
			.andExpect(jsonPath("$.sources[0].id").value("test.hours.commune-21015"))
			.andExpect(jsonPath("$.sources[0].link").value("/appointments/commune-21015"));

		mvc.perform(get("/api/assistant/ask").param("q", "Wat kost een ruimtereis naar Mars?").header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.answered").value(false))
			.andExpect(jsonPath("$.handOffOffered").value(true));

		mvc.perform(post("/api/assistant/ask").contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "nl").content("{\"question\": \"  \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("assistant.error.question-empty"))
			.andExpect(jsonPath("$.message").value("Schrijf uw vraag."));

		mvc.perform(post("/api/assistant/ask").contentType(MediaType.APPLICATION_JSON)
				.content("{\"question\": \"horaires\", \"commune\": \"commune-99999\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("assistant.error.commune-unknown"));

		mvc.perform(post("/api/assistant/ask").contentType(MediaType.APPLICATION_JSON).content("{\"question\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("assistant.error.request-invalid"));
	}

	@Test
	void theApiIsDocumentedAndStatisticsAreAvailableAsCsv() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(docs).contains("/api/assistant/ask", "/api/assistant/conversations", "/api/assistant/inbox");
		String csv = mvc.perform(get("/desk/assistant/stats.csv").session(login("agent.ixelles")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(csv).startsWith("day,answered,unanswered,handed_off,closed,erased");
		mvc.perform(get("/desk/assistant/stats.csv").session(login("citizen.demo"))).andExpect(status().isForbidden());
	}

	// ---- Hand-off and the inbox ----

	@Test
	void aHandOffReachesOnlyTheChosenCommunesInboxAndTheCitizenSeesTheReply() throws Exception {
		MockHttpSession anonymous = new MockHttpSession();
		mvc.perform(post("/assistant/handoff").session(anonymous).param("question", "Puis-je venir avec mon chien ?")
				.param("commune", IXELLES).header("Accept", "text/html").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login"));
		MockHttpSession citizen = login("citizen.demo");
		long before = jdbc.queryForObject("select count(*) from assistant_conversation", Long.class);
		MvcResult handOff = mvc.perform(post("/assistant/handoff").session(citizen)
				.param("question", "Puis-je venir avec mon chien au guichet ?").param("commune", IXELLES)
				.header("Accept-Language", "fr").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = handOff.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/assistant/conversations/");
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		assertThat(jdbc.queryForObject("select count(*) from assistant_conversation", Long.class)).isEqualTo(before + 1);
		Map<String, Object> row = jdbc.queryForMap(
				"select organisation_id, question, status, locale from assistant_conversation where id = ?", id);
		assertThat(row).containsEntry("organisation_id", IXELLES).containsEntry("status", "WAITING")
			.containsEntry("locale", "fr").containsEntry("question", "Puis-je venir avec mon chien au guichet ?");

		// Ixelles sees it, waiting; Schaerbeek does not, not even by its id
		MockHttpSession ixelles = login("agent.ixelles");
		String inbox = mvc.perform(get("/desk/assistant").session(ixelles)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(inbox).contains("/desk/assistant/" + id);
		MockHttpSession schaerbeek = login("agent.schaerbeek");
		String other = mvc.perform(get("/desk/assistant").session(schaerbeek)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(other).doesNotContain(id.toString());
		mvc.perform(get("/desk/assistant/" + id).session(schaerbeek)).andExpect(status().isNotFound());
		mvc.perform(post("/desk/assistant/" + id + "/reply").session(schaerbeek).param("text", "Intrusion")
				.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/api/assistant/inbox").session(schaerbeek))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(id.toString()))));

		// citizens have no inbox; agents cannot open citizens' conversations pages
		mvc.perform(get("/desk/assistant").session(citizen)).andExpect(status().isForbidden());
		mvc.perform(get("/assistant/conversations/" + id).session(ixelles)).andExpect(status().isForbidden());

		// Ixelles answers with a link to an entry; the citizen sees it and is told by e-mail
		long mails = jdbc.queryForObject(
				"select count(*) from notification_message where recipient = 'citizen.demo@demo.orchestra.invalid' and template = 'assistant/replied'",
				Long.class);
		mvc.perform(post("/desk/assistant/" + id + "/reply").session(ixelles)
				.param("text", "Oui, les chiens en laisse sont acceptés.").param("entry", "test.hours.commune-21009")
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select status from assistant_conversation where id = ?", String.class, id))
			.isEqualTo("ANSWERED");
		String thread = mvc.perform(get("/assistant/conversations/" + id).session(citizen))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(thread).contains("Oui, les chiens en laisse sont acceptés.", "/appointments/commune-21009");
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from notification_message where recipient = 'citizen.demo@demo.orchestra.invalid' and template = 'assistant/replied'",
				Long.class)).isEqualTo(mails + 1));

		// an entry of another commune cannot be linked
		mvc.perform(post("/desk/assistant/" + id + "/reply").session(ixelles).param("text", "Voir Schaerbeek")
				.param("entry", "test.hours.commune-21015").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("actionError", "assistant.error.entry-unknown"));

		// the citizen's list and the API show it; statistics count the hand-off and the first response
		mvc.perform(get("/api/assistant/conversations/" + id).session(citizen))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.commune").value(IXELLES))
			.andExpect(jsonPath("$.messages[1].author").value("agent"))
			.andExpect(jsonPath("$.messages[1].entryId").value("test.hours.commune-21009"));
		JsonNode statistics = json.readTree(mvc.perform(get("/api/assistant/inbox/statistics").session(ixelles))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(statistics.get("handedOff").asLong()).isPositive();
		assertThat(statistics.get("firstResponses").asLong()).isPositive();
		assertThat(statistics.get("medianFirstResponse").isNull()).isFalse();
	}

	@Test
	void aCitizenSeesOnlyTheirOwnConversations() throws Exception {
		MockHttpSession citizen = login("citizen.demo");
		String body = mvc.perform(post("/api/assistant/conversations").session(citizen).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"question\": \"Où déposer un vieux frigo ?\", \"commune\": \"commune-21015\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("WAITING"))
			.andReturn().getResponse().getContentAsString();
		String id = json.readTree(body).get("id").asString();

		MockHttpSession other = otherCitizen();
		mvc.perform(get("/assistant/conversations/" + id).session(other)).andExpect(status().isNotFound());
		mvc.perform(get("/api/assistant/conversations/" + id).session(other)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error").value("assistant.error.not-found"));
		mvc.perform(post("/assistant/conversations/" + id + "/erase").session(other).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/assistant/conversations").session(other))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(id))));

		// the owner erases it: nothing is left but the counts
		mvc.perform(post("/assistant/conversations/" + id + "/erase").session(citizen).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from assistant_conversation where id = ?", Long.class,
				UUID.fromString(id))).isZero();
		assertThat(jdbc.queryForObject("select count(*) from assistant_message where conversation_id = ?", Long.class,
				UUID.fromString(id))).isZero();
	}

	@Test
	void aHandOffNeedsACommuneAndAQuestion() throws Exception {
		MockHttpSession citizen = login("citizen.demo");
		long before = jdbc.queryForObject("select count(*) from assistant_conversation", Long.class);
		String page = mvc.perform(post("/assistant/handoff").session(citizen).param("question", "Une question")
				.param("commune", "").header("Accept-Language", "nl").with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Kies de gemeente die moet antwoorden.");
		mvc.perform(post("/api/assistant/conversations").session(citizen).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"question\": \"\", \"commune\": \"commune-21009\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("assistant.error.question-empty"));
		mvc.perform(post("/api/assistant/conversations").session(citizen).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"question\": \"Bonjour\", \"commune\": \"cpas-21009\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("assistant.error.commune-unknown"));
		mvc.perform(post("/api/assistant/conversations").session(login("agent.ixelles")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"question\": \"Bonjour\", \"commune\": \"commune-21009\"}"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select count(*) from assistant_conversation", Long.class)).isEqualTo(before);
	}

	@Test
	void replyTemplatesBelongToTheirCommuneAndOnlyAdministratorsManageThem() throws Exception {
		MockHttpSession admin = login("admin.ixelles");
		String title = "Rendez-vous " + UUID.randomUUID();
		mvc.perform(post("/desk/assistant/templates").session(admin).param("language", "fr").param("title", title)
				.param("body", "Merci de prendre rendez-vous.").with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select organisation_id from assistant_reply_template where title = ?",
				String.class, title)).isEqualTo(IXELLES);
		mvc.perform(post("/desk/assistant/templates").session(login("agent.ixelles")).param("language", "fr")
				.param("title", "Agent " + title).param("body", "Texte").with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/desk/assistant/templates").session(admin).param("language", "xx").param("title", "Bad " + title)
				.param("body", "Texte").with(csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("actionError", "assistant.error.template-language"));
		String ixelles = mvc.perform(get("/desk/assistant/templates").session(login("agent.ixelles")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(ixelles).contains(title);
		String schaerbeek = mvc.perform(get("/desk/assistant/templates").session(login("admin.schaerbeek")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(schaerbeek).doesNotContain(title);
		UUID template = jdbc.queryForObject("select id from assistant_reply_template where title = ?", UUID.class, title);
		mvc.perform(post("/desk/assistant/templates/" + template + "/delete").session(login("admin.schaerbeek")).with(csrf()))
			.andExpect(status().isNotFound());

		// an agent answers from the template
		MockHttpSession citizen = login("citizen.demo");
		String created = mvc.perform(post("/api/assistant/conversations").session(citizen).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"question\": \"Faut-il un rendez-vous pour un passeport ?\", \"commune\": \"commune-21009\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String id = json.readTree(created).get("id").asString();
		mvc.perform(post("/desk/assistant/" + id + "/reply").session(login("agent.ixelles"))
				.param("template", template.toString()).param("text", "Bonne journée.").with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject(
				"select body from assistant_message where conversation_id = ? and author_kind = 'AGENT'", String.class,
				UUID.fromString(id))).isEqualTo("Merci de prendre rendez-vous.\n\nBonne journée.");
	}

	// ---- Retention ----

	@Test
	void closedConversationsAreErasedAfterTheRetentionPeriodWhileTheCountsRemain() throws Exception {
		MockHttpSession citizen = login("citizen.demo");
		String created = mvc.perform(post("/api/assistant/conversations").session(citizen).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"question\": \"Question à effacer plus tard\", \"commune\": \"commune-21015\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		UUID id = UUID.fromString(json.readTree(created).get("id").asString());
		MockHttpSession schaerbeek = login("agent.schaerbeek");
		mvc.perform(post("/desk/assistant/" + id + "/reply").session(schaerbeek).param("text", "Réponse.")
				.param("close", "true").with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select status from assistant_conversation where id = ?", String.class, id))
			.isEqualTo("CLOSED");
		long handedOff = jdbc.queryForObject(
				"select coalesce(sum(handed_off), 0) from assistant_daily_count where organisation_id = ?", Long.class,
				SCHAERBEEK);
		long erased = jdbc.queryForObject(
				"select coalesce(sum(erased), 0) from assistant_daily_count where organisation_id = ?", Long.class,
				SCHAERBEEK);

		// still within the retention period: kept
		retention.eraseExpired(Instant.now());
		assertThat(jdbc.queryForObject("select count(*) from assistant_conversation where id = ?", Long.class, id)).isOne();

		// past it: the conversation and its messages are gone, the counts remain
		int count = retention.eraseExpired(Instant.now().plus(properties.retention()).plus(1, ChronoUnit.DAYS));
		assertThat(count).isPositive();
		assertThat(jdbc.queryForObject("select count(*) from assistant_conversation where id = ?", Long.class, id)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from assistant_message where conversation_id = ?", Long.class, id))
			.isZero();
		assertThat(jdbc.queryForObject(
				"select coalesce(sum(handed_off), 0) from assistant_daily_count where organisation_id = ?", Long.class,
				SCHAERBEEK)).isEqualTo(handedOff);
		assertThat(jdbc.queryForObject(
				"select coalesce(sum(erased), 0) from assistant_daily_count where organisation_id = ?", Long.class,
				SCHAERBEEK)).isGreaterThan(erased);
		assertThat(jdbc.queryForObject("select count(*) from assistant_response_time where organisation_id = ?",
				Long.class, SCHAERBEEK)).isPositive();
	}

	private MockHttpSession otherCitizen() throws Exception {
		String username = "citizen." + UUID.randomUUID().toString().substring(0, 8);
		identity.createAccount(username, "Other Citizen", null, org.orchestra.identity.AccountKind.CITIZEN, DEMO_PASSWORD);
		return login(username);
	}

	@Autowired
	org.orchestra.identity.IdentityManagement identity;
}
