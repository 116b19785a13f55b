package org.orchestra.tenancy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.orchestra.document.Document;
import org.orchestra.document.DocumentException;
import org.orchestra.document.DocumentManagement;
import org.orchestra.notification.NotificationManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One organisation can neither read nor change another's data. */
class TenantIsolationTests extends PlatformTests {

	static final OrganisationId IXELLES = OrganisationId.of("commune-21009");
	static final OrganisationId SCHAERBEEK = OrganisationId.of("commune-21015");

	@Autowired
	DocumentManagement documents;

	@Autowired
	NotificationManagement notifications;

	@Test
	void documentsOfOneOrganisationAreInvisibleToAnother() {
		Document ixelles = TenantContext.callAs(IXELLES, () -> documents.upload("Ixelles only " + UUID.randomUUID(),
				"note.txt", text("confidential note of Ixelles")));
		assertThat(ixelles.organisationId()).isEqualTo(IXELLES.value());

		TenantContext.runAs(SCHAERBEEK, () -> {
			assertThat(documents.find(ixelles.id())).isEmpty();
			assertThat(documents.list()).extracting(Document::id).doesNotContain(ixelles.id());
		});
		TenantContext.runAs(IXELLES, () -> assertThat(documents.list()).extracting(Document::id).contains(ixelles.id()));
	}

	@Test
	void documentsOfOneOrganisationCannotBeChangedByAnother() {
		Document ixelles = TenantContext.callAs(IXELLES,
				() -> documents.upload("Original title", "a.txt", text("content " + UUID.randomUUID())));
		TenantContext.runAs(SCHAERBEEK,
				() -> assertThatThrownBy(() -> documents.retitle(ixelles.id(), "Taken over"))
					.isInstanceOf(DocumentException.class));
		TenantContext.runAs(IXELLES, () -> assertThat(documents.find(ixelles.id()).orElseThrow().title())
			.isEqualTo("Original title"));
		assertThat(jdbc.queryForObject("select title from document_document where id = ?", String.class, ixelles.id()))
			.isEqualTo("Original title");
	}

	@Test
	void outboxesAreSeparate() {
		UUID message = notifications.sendEmail(IXELLES, "someone@example.org", Locale.of("fr"), "account-locked",
				Map.of("name", "x", "organisation", "Ixelles"));
		TenantContext.runAs(SCHAERBEEK, () -> {
			assertThat(notifications.find(message)).isEmpty();
			assertThat(notifications.retry(message)).isFalse();
		});
		TenantContext.runAs(IXELLES, () -> assertThat(notifications.find(message)).isPresent());
	}

	@Test
	void withoutAnOrganisationNothingTenantScopedIsVisibleOrWritable() {
		Document ixelles = TenantContext.callAs(IXELLES,
				() -> documents.upload("Ixelles", "b.txt", text("c " + UUID.randomUUID())));
		assertThat(documents.find(ixelles.id())).isEmpty();
		assertThatThrownBy(() -> documents.upload("No tenant", "c.txt", text("x")))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void staffOfAnotherCommuneGetNotFoundForTheDocumentOverHttp() throws Exception {
		Document ixelles = TenantContext.callAs(IXELLES,
				() -> documents.upload("Ixelles web", "d.txt", text("d " + UUID.randomUUID())));
		MockHttpSession schaerbeek = login("agent.schaerbeek");
		mvc.perform(get("/documents/{id}/content", ixelles.id()).session(schaerbeek)).andExpect(status().isNotFound());
		MockHttpSession ixellesAgent = login("agent.ixelles");
		mvc.perform(get("/documents/{id}/content", ixelles.id()).session(ixellesAgent)).andExpect(status().isOk());
	}

	static ByteArrayInputStream text(String content) {
		return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
	}
}
