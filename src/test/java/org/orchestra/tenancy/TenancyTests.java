package org.orchestra.tenancy;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TenancyTests extends PlatformTests {

	@Autowired
	OrganisationDirectory directory;

	@Test
	void theRegionItsNineteenCommunesAndTheirCpasAreSeeded() {
		List<Organisation> all = directory.all();
		List<Organisation> communes = all.stream().filter(o -> o.type() == OrganisationType.COMMUNE).toList();
		List<Organisation> cpas = all.stream().filter(o -> o.type() == OrganisationType.CPAS).toList();
		assertThat(communes).hasSize(19);
		assertThat(cpas).hasSize(19);
		assertThat(communes).allSatisfy(c -> assertThat(c.parent()).isEqualTo(OrganisationId.of("region")));
		assertThat(cpas).allSatisfy(c -> assertThat(c.parent().value()).startsWith("commune-21"));
		assertThat(communes).extracting(Organisation::nisCode).doesNotHaveDuplicates().allMatch(n -> n.startsWith("21"));
		assertThat(all).extracting(Organisation::type)
			.contains(OrganisationType.REGION, OrganisationType.REGIONAL_BODY, OrganisationType.POLICE_ZONE,
					OrganisationType.PUBLIC_TRANSPORT, OrganisationType.SOCIAL_HOUSING);
	}

	@Test
	void organisationsHaveFrenchAndDutchNames() {
		Organisation ixelles = directory.find(OrganisationId.of("commune-21009")).orElseThrow();
		assertThat(ixelles.name(Locale.of("fr"))).isEqualTo("Commune d'Ixelles");
		assertThat(ixelles.name(Locale.of("nl"))).isEqualTo("Gemeente Elsene");
		assertThat(ixelles.nisCode()).isEqualTo("21009");
	}

	@Test
	void theDirectoryIsPublicAndFilteredByType() throws Exception {
		mvc.perform(get("/organisations").param("type", "POLICE_ZONE").header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Politiezone Montgomery")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Gemeente Elsene"))));
		mvc.perform(get("/organisations").param("type", "NOT_A_TYPE")).andExpect(status().isBadRequest());
	}

	@Test
	void theApiListsOrganisationsWithTheirNames() throws Exception {
		mvc.perform(get("/api/tenancy/organisations"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == 'commune-21015')].nameNl").value("Gemeente Schaarbeek"))
			.andExpect(jsonPath("$[?(@.id == 'cpas-21015')].parent").value("commune-21015"));
	}

	@Test
	void organisationIdsAreValidated() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> OrganisationId.of("../etc"));
	}
}
