package org.orchestra.counter;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.orchestra.document.DocumentManagement;
import org.orchestra.document.IssuedDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Requests at the e-counter: issued at once from the register, or handled by the commune's agents. */
class CounterTests extends PlatformTests {

	static final String CHILD = "15061500132";
	static final String SCHAERBEEK_RESIDENT = "90010100123";
	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	DocumentManagement documents;

	@Autowired
	CounterRetention retention;

	MvcResult request(MockHttpSession session, String code, String... params) throws Exception {
		var request = post("/counter/documents/{code}/request", code).session(session).with(csrf());
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andReturn();
	}

	static String referenceOf(MvcResult result) {
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).as("redirect after a request").startsWith("/counter/requests/EC-");
		return location.substring("/counter/requests/".length()).replaceAll("\\?.*", "");
	}

	String statusOf(String reference) {
		return jdbc.queryForObject("select status from counter_request where reference = ?", String.class, reference);
	}

	long requests() {
		return jdbc.queryForObject("select count(*) from counter_request", Long.class);
	}

	@Test
	void aHouseholdCompositionIsIssuedAtOnceAsAVerifiablePdf() throws Exception {
		MockHttpSession citizen = login("citizen.demo");
		String reference = referenceOf(request(citizen, "household-composition", "deliveryMode", "DOWNLOAD",
				"email", "resident@example.org", "idempotencyKey", UUID.randomUUID().toString()));
		assertThat(statusOf(reference)).isEqualTo("READY");
		assertThat(jdbc.queryForObject("select organisation_id from counter_request where reference = ?",
				String.class, reference)).isEqualTo("commune-21009");

		String page = mvc.perform(get("/counter/requests/{ref}", reference).session(citizen))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("/counter/requests/" + reference + "/document");

		byte[] pdf = mvc.perform(get("/counter/requests/{ref}/document", reference).session(citizen))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Camille Fictif-Demo", "Jan Fictief-Demo", "Lina Fictif-Demo", "synthétiques");
		}
		assertThat(statusOf(reference)).isEqualTo("DELIVERED");

		String code = jdbc.queryForObject("select verification_code from counter_request where reference = ?",
				String.class, reference);
		IssuedDocument issued = documents.verify(code).orElseThrow();
		assertThat(documents.matches(issued, new ByteArrayInputStream(pdf))).isTrue();
		assertThat(mvc.perform(get("/verify").param("code", code)).andReturn().getResponse().getContentAsString())
			.contains(code);
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from notification_message where recipient = 'resident@example.org' and template = 'counter/ready'",
				Long.class)).isEqualTo(1));
	}

	@Test
	void householdMembersOnlyWhereTheRulesAllow() throws Exception {
		MockHttpSession citizen = login("citizen.demo");
		String forChild = referenceOf(request(citizen, "residence-certificate", "subject", CHILD, "deliveryMode",
				"DOWNLOAD"));
		assertThat(jdbc.queryForObject("select subject_name from counter_request where reference = ?", String.class,
				forChild)).isEqualTo("Lina Fictif-Demo");

		long before = requests();
		MvcResult stranger = request(citizen, "residence-certificate", "subject", SCHAERBEEK_RESIDENT,
				"deliveryMode", "DOWNLOAD");
		assertThat(stranger.getResponse().getStatus()).isEqualTo(403);
		MvcResult notAllowed = request(citizen, "criminal-record-extract", "subject", CHILD, "deliveryMode",
				"DOWNLOAD");
		assertThat(notAllowed.getResponse().getStatus()).isEqualTo(403);
		MvcResult badMode = request(citizen, "marriage-declaration", "deliveryMode", "DOWNLOAD");
		assertThat(badMode.getResponse().getStatus()).isEqualTo(400);
		assertThat(badMode.getResponse().getContentAsString()).contains("error-summary");
		assertThat(requests()).isEqualTo(before);
	}

	@Test
	void anAgentHandlesAManualRequestAndAnotherCommuneNeverSeesIt() throws Exception {
		MockHttpSession citizen = login("citizen.demo");
		String reference = referenceOf(request(citizen, "criminal-record-extract", "deliveryMode", "DOWNLOAD",
				"email", "manual@example.org"));
		assertThat(statusOf(reference)).isEqualTo("RECEIVED");

		MockHttpSession other = login("agent.schaerbeek");
		mvc.perform(get("/desk/counter/requests/{ref}", reference).session(other)).andExpect(status().isNotFound());
		assertThat(mvc.perform(get("/desk/counter").session(other)).andReturn().getResponse().getContentAsString())
			.doesNotContain(reference);
		mvc.perform(post("/desk/counter/requests/{ref}/status", reference).session(other).with(csrf())
			.param("status", "REFUSED").param("note", "no")).andExpect(status().isNotFound());

		MockHttpSession agent = login("agent.ixelles");
		assertThat(mvc.perform(get("/desk/counter").session(agent)).andReturn().getResponse().getContentAsString())
			.contains(reference);
		mvc.perform(post("/desk/counter/requests/{ref}/assign", reference).session(agent).with(csrf())
			.param("agent", "agent.ixelles")).andExpect(status().is3xxRedirection());
		assertThat(statusOf(reference)).isEqualTo("IN_PROGRESS");

		// A question needs its text; then the resident answers with a file and the request resumes.
		mvc.perform(post("/desk/counter/requests/{ref}/status", reference).session(agent).with(csrf())
			.param("status", "WAITING_FOR_CITIZEN")).andExpect(status().isBadRequest());
		mvc.perform(post("/desk/counter/requests/{ref}/status", reference).session(agent).with(csrf())
			.param("status", "WAITING_FOR_CITIZEN").param("note", "Model 1 or model 2?"))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf(reference)).isEqualTo("WAITING_FOR_CITIZEN");
		mvc.perform(multipart("/counter/requests/{ref}/messages", reference)
			.file(new MockMultipartFile("file", "mandate.pdf", "application/pdf", PDF))
			.param("body", "Model 2, for a youth club.").session(citizen).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf(reference)).isEqualTo("IN_PROGRESS");
		String desk = mvc.perform(get("/desk/counter/requests/{ref}", reference).session(agent)).andReturn()
			.getResponse().getContentAsString();
		assertThat(desk).contains("Model 2, for a youth club.", "mandate.pdf");

		// Ready needs the document; the resident then downloads it.
		mvc.perform(post("/desk/counter/requests/{ref}/status", reference).session(agent).with(csrf())
			.param("status", "READY")).andExpect(status().isConflict());
		mvc.perform(multipart("/desk/counter/requests/{ref}/document", reference)
			.file(new MockMultipartFile("file", "extract.pdf", "application/pdf", PDF)).session(agent).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf(reference)).isEqualTo("READY");
		byte[] downloaded = mvc.perform(get("/counter/requests/{ref}/document", reference).session(citizen))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(downloaded).isEqualTo(PDF);
		assertThat(statusOf(reference)).isEqualTo("DELIVERED");
		mvc.perform(post("/desk/counter/requests/{ref}/status", reference).session(agent).with(csrf())
			.param("status", "IN_PROGRESS")).andExpect(status().isConflict());
		mvc.perform(post("/desk/counter/requests/{ref}/assign", reference).session(agent).with(csrf())
			.param("agent", "agent.ixelles")).andExpect(status().isConflict());
		mvc.perform(post("/desk/counter/requests/{ref}/messages", reference).session(agent).with(csrf())
			.param("body", "After the end")).andExpect(status().isConflict());

		assertThat(jdbc.queryForList("select type from counter_request_event e join counter_request r on r.id = e.request_id where r.reference = ? order by e.at",
				String.class, reference)).containsSubsequence("submitted", "assigned", "status", "answered", "document",
						"downloaded");
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from notification_message where recipient = 'manual@example.org'", Long.class))
			.isGreaterThanOrEqualTo(3));
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'counter.request.assigned' and target_id = ?",
				Long.class, reference)).isEqualTo(1);
	}

	@Test
	void aRefusalNeedsAReasonAndOtherResidentsCannotSeeTheRequest() throws Exception {
		MockHttpSession citizen = login("citizen.demo");
		String reference = referenceOf(request(citizen, "birth-certificate", "deliveryMode", "POST"));
		assertThat(jdbc.queryForObject("select postal_address from counter_request where reference = ?", String.class,
				reference)).contains("Rue du Bailli 12");
		MockHttpSession agent = login("agent.ixelles");
		mvc.perform(post("/desk/counter/requests/{ref}/status", reference).session(agent).with(csrf())
			.param("status", "REFUSED")).andExpect(status().isBadRequest());
		mvc.perform(post("/desk/counter/requests/{ref}/status", reference).session(agent).with(csrf())
			.param("status", "IN_PROGRESS").param("note", "We are asking the civil registry of Ghent."))
			.andExpect(status().is3xxRedirection());
		assertThat(mvc.perform(get("/counter/requests/{ref}", reference).session(citizen)).andReturn().getResponse()
			.getContentAsString()).contains("We are asking the civil registry of Ghent.");
		mvc.perform(post("/desk/counter/requests/{ref}/status", reference).session(agent).with(csrf())
			.param("status", "REFUSED").param("note", "The birth was not registered in Ixelles."))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf(reference)).isEqualTo("REFUSED");

		MockHttpSession neighbour = login("citizen.schaerbeek");
		mvc.perform(get("/counter/requests/{ref}", reference).session(neighbour)).andExpect(status().isNotFound());
		mvc.perform(get("/api/counter/requests/{ref}", reference).session(neighbour)
			.accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("counter.error.unknown-request"));
		assertThat(mvc.perform(get("/counter/requests/{ref}", reference).session(citizen)).andReturn().getResponse()
			.getContentAsString()).contains("The birth was not registered in Ixelles.");
	}

	@Test
	void aNationalityCertificateIsOnlyIssuedForBelgians() throws Exception {
		MockHttpSession resident = login("citizen.schaerbeek");
		long before = requests();
		MvcResult partner = request(resident, "nationality-certificate", "subject", "92051500260", "deliveryMode",
				"DOWNLOAD");
		assertThat(partner.getResponse().getStatus()).isEqualTo(422);
		assertThat(partner.getResponse().getContentAsString()).contains("nationalit");
		assertThat(requests()).isEqualTo(before);
	}

	@Test
	void aCommuneChoosesItsOffering() throws Exception {
		MockHttpSession agent = login("agent.schaerbeek");
		mvc.perform(post("/desk/counter/offerings/{code}", "dog-registration").session(agent).with(csrf())
			.param("price", "0")).andExpect(status().isForbidden());
		MockHttpSession admin = login("admin.schaerbeek");
		mvc.perform(post("/desk/counter/offerings/{code}", "dog-registration").session(admin).with(csrf())
			.param("price", "abc").param("offered", "true").param("modes", "COUNTER"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/desk/counter/offerings/{code}", "dog-registration").session(admin).with(csrf())
			.param("price", "0").param("days", "5").param("modes", "COUNTER"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/desk/counter/offerings/{code}", "residence-certificate").session(admin).with(csrf())
			.param("offered", "true").param("price", "2,50").param("days", "1").param("modes", "DOWNLOAD"))
			.andExpect(status().is3xxRedirection());

		MockHttpSession resident = login("citizen.schaerbeek");
		long before = requests();
		assertThat(request(resident, "dog-registration", "deliveryMode", "COUNTER").getResponse().getStatus())
			.isEqualTo(409);
		assertThat(requests()).isEqualTo(before);
		String reference = referenceOf(request(resident, "residence-certificate", "deliveryMode", "DOWNLOAD"));
		assertThat(jdbc.queryForObject("select price_cents from counter_request where reference = ?", Integer.class,
				reference)).isEqualTo(250);
		assertThat(jdbc.queryForObject("select organisation_id from counter_request where reference = ?",
				String.class, reference)).isEqualTo("commune-21015");
		// Ixelles is untouched by Schaerbeek's choices.
		assertThat(jdbc.queryForObject(
				"select count(*) from counter_offering where organisation_id = 'commune-21009'", Long.class)).isZero();
	}

	@Test
	void theApiIsIdempotentAndAnswersWithProblemDetails() throws Exception {
		MockHttpSession citizen = login("citizen.anderlecht");
		String key = UUID.randomUUID().toString();
		String body = "{\"document\":\"life-certificate\",\"deliveryMode\":\"DOWNLOAD\"}";
		String first = mvc.perform(post("/api/counter/requests").session(citizen).with(csrf())
			.header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("READY"))
			.andReturn().getResponse().getContentAsString();
		String again = mvc.perform(post("/api/counter/requests").session(citizen).with(csrf())
			.header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(again).isEqualTo(first);

		mvc.perform(post("/api/counter/requests").session(citizen).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"document\":")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("counter.error.unreadable"));
		mvc.perform(post("/api/counter/requests").session(citizen).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"document\":\"no-such-thing\",\"deliveryMode\":\"DOWNLOAD\"}"))
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("counter.error.unknown-document"));
		mvc.perform(get("/api/counter/documents").param("q", "gezinssamenstelling").header("Accept-Language", "nl"))
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].code").value("household-composition"))
			.andExpect(jsonPath("$[0].title").value("Samenstelling van het gezin"));
		MockHttpSession staff = login("agent.ixelles");
		mvc.perform(post("/api/counter/requests").session(staff).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
	}

	@Test
	void searchAndThemesWorkInEveryLanguage() throws Exception {
		String fr = mvc.perform(get("/counter/search").param("q", "composition menage")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(fr).contains("/counter/documents/household-composition");
		String nl = mvc.perform(get("/counter/search").param("q", "Strafregister").header("Accept-Language", "nl"))
			.andReturn().getResponse().getContentAsString();
		assertThat(nl).contains("Uittreksel uit het strafregister");
		String theme = mvc.perform(get("/counter/themes/civil_status").header("Accept-Language", "nl"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(theme).contains("Burgerlijke stand", "/counter/documents/marriage-certificate")
			.doesNotContain("/counter/documents/household-composition");
		mvc.perform(get("/counter/themes/nothing")).andExpect(status().isNotFound());
		mvc.perform(get("/counter/documents/nothing")).andExpect(status().isNotFound());
		assertThat(mvc.perform(get("/counter")).andReturn().getResponse().getContentAsString())
			.contains("/counter/documents/household-composition");
	}

	@Test
	void personalDataOfOldClosedRequestsIsErased() throws Exception {
		MockHttpSession citizen = login("citizen.demo");
		String reference = referenceOf(request(citizen, "nationality-certificate", "deliveryMode", "POST"));
		mvc.perform(post("/counter/requests/{ref}/messages", reference).param("body", "Please send it to my office")
			.session(citizen).with(csrf())).andExpect(status().is3xxRedirection());
		MockHttpSession agent = login("agent.ixelles");
		mvc.perform(post("/desk/counter/requests/{ref}/status", reference).session(agent).with(csrf())
			.param("status", "DELIVERED").param("note", "Posted to Rue du Bailli")).andExpect(status().is3xxRedirection());
		jdbc.update("update counter_request set closed_at = ? where reference = ?",
				java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(800))), reference);
		assertThat(retention.eraseExpired()).isGreaterThanOrEqualTo(1);
		var row = jdbc.queryForMap("select requester_name, requester_nn, subject_nn, erased, status, document_code "
				+ "from counter_request where reference = ?", reference);
		assertThat(row.get("requester_name")).isNull();
		assertThat(row.get("requester_nn")).isNull();
		assertThat(row.get("subject_nn")).isNull();
		assertThat(row.get("erased")).isEqualTo(true);
		assertThat(row.get("status")).isEqualTo("DELIVERED");
		assertThat(row.get("document_code")).isEqualTo("nationality-certificate");
		assertThat(jdbc.queryForList("select m.body from counter_request_message m join counter_request r "
				+ "on r.id = m.request_id where r.reference = ?", String.class, reference)).containsOnly("");
		assertThat(jdbc.queryForList("select e.note from counter_request_event e join counter_request r "
				+ "on r.id = e.request_id where r.reference = ?", String.class, reference)).containsOnlyNulls();
	}
}
