package org.orchestra.catalogue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CatalogueTests extends PlatformTests {

	@Autowired
	ServiceCatalogue catalogue;

	@Test
	void theHomePageShowsTheCatalogueInFrench() throws Exception {
		mvc.perform(get("/").header("Accept-Language", "fr-BE,fr;q=0.9"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lang=\"fr\"")))
			.andExpect(content().string(containsString("Les services numériques de la Région")))
			.andExpect(content().string(containsString("E-citoyen")))
			.andExpect(content().string(containsString("Je sécurise mon écosystème IT")))
			.andExpect(content().string(containsString("Vérifier un document")));
	}

	@Test
	void theHomePageShowsTheCatalogueInDutch() throws Exception {
		mvc.perform(get("/").header("Accept-Language", "nl-BE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lang=\"nl\"")))
			.andExpect(content().string(containsString("De digitale diensten van het Gewest")))
			.andExpect(content().string(containsString("Ik verbeter het beheer van mijn grondgebied")))
			.andExpect(content().string(containsString("Een document verifiëren")));
	}

	@Test
	void threePillarsAndTenEntriesInTheirOrder() {
		List<ServiceCatalogue.PillarView> view = catalogue.view(null, Locale.of("fr"));
		assertThat(view).extracting(ServiceCatalogue.PillarView::pillar).containsExactly(Pillar.values());
		assertThat(view.stream().mapToInt(p -> p.entries().size()).sum()).isEqualTo(10);
		assertThat(view.get(0).entries()).hasSize(6);
	}

	@Test
	void eachServiceSaysWhetherTheCurrentUserMayUseIt() {
		CatalogueService members = catalogue.services()
			.stream()
			.filter(s -> s.href().equals("/admin/members"))
			.findFirst()
			.orElseThrow();
		CatalogueService verify = catalogue.services()
			.stream()
			.filter(s -> s.href().equals("/verify"))
			.findFirst()
			.orElseThrow();
		assertThat(ServiceCatalogue.access(verify, null)).isEqualTo(ServiceCatalogue.Access.AVAILABLE);
		assertThat(ServiceCatalogue.access(members, null)).isEqualTo(ServiceCatalogue.Access.SIGN_IN);
		assertThat(ServiceCatalogue.access(members, new TestingAuthenticationToken("agent", null, "document.read")))
			.isEqualTo(ServiceCatalogue.Access.RESTRICTED);
		assertThat(ServiceCatalogue.access(members,
				new TestingAuthenticationToken("admin", null, "identity.member.manage")))
			.isEqualTo(ServiceCatalogue.Access.AVAILABLE);
	}

	@Test
	void signedInAdministratorsSeeTheirServicesAsAvailable() throws Exception {
		mvc.perform(get("/").session(login("admin.ixelles")).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Members and roles")))
			.andExpect(content().string(containsString("Available to you")))
			.andExpect(content().string(not(containsString("Sign in to use"))));
	}

	@Test
	void searchFindsServicesByNameAndKeywordInAnyLanguageIgnoringAccents() {
		assertThat(catalogue.search("verifier", null, Locale.of("fr")))
			.extracting(v -> v.service().href())
			.first()
			.isEqualTo("/verify");
		assertThat(catalogue.search("auditlogboek", null, Locale.of("fr"))).extracting(v -> v.service().href())
			.containsExactly("/audit");
		assertThat(catalogue.search("logboek", null, Locale.of("fr"))).extracting(v -> v.service().href())
			.first()
			.as("a name match ranks before a description match")
			.isEqualTo("/audit");
		assertThat(catalogue.search("swagger", null, Locale.of("nl"))).extracting(v -> v.service().href())
			.containsExactly("/swagger-ui.html");
		assertThat(catalogue.search("no such service at all", null, Locale.of("fr"))).isEmpty();
	}

	@Test
	void theSearchPageAndApiAnswer() throws Exception {
		mvc.perform(get("/search").param("q", "courriel").header("Accept-Language", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Messages sortants")));
		mvc.perform(get("/api/catalogue/services").param("q", "audit").header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("Auditlogboek"))
			.andExpect(jsonPath("$[0].access").value("SIGN_IN"));
	}
}
