package org.orchestra.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OidcClaimsMappingTests {

	final OidcClaimsMapping mapping = new OidcClaimsMapping(new IdentityProperties(5, Duration.ofMinutes(15), 12,
			List.of("national_number", "egovNRN", "rrn"), "x"));

	@Test
	void readsTheNationalNumberFromAKeycloakClaim() {
		assertThat(mapping.nationalNumber(Map.of("sub", "abc", "national_number", "85073003328")))
			.map(NationalNumber::value)
			.contains("85073003328");
	}

	@Test
	void readsThePunctuatedNumberOfTheFederalGateway() {
		assertThat(mapping.nationalNumber(Map.of("sub", "abc", "egovNRN", "85.07.30-033.28")))
			.map(NationalNumber::value)
			.contains("85073003328");
	}

	@Test
	void skipsInvalidValuesAndTriesTheNextClaim() {
		assertThat(mapping.nationalNumber(Map.of("national_number", "12345678901", "rrn", "05031512367")))
			.map(NationalNumber::value)
			.contains("05031512367");
	}

	@Test
	void findsNothingWithoutAValidNumber() {
		assertThat(mapping.nationalNumber(Map.of("sub", "85073003328"))).isEmpty();
		assertThat(mapping.nationalNumber(Map.of("national_number", "85073003329"))).isEmpty();
	}

	@Test
	void buildsTheDisplayNameFromNameOrGivenAndFamilyNames() {
		assertThat(mapping.displayName(Map.of("name", "Anne Peeters"))).isEqualTo("Anne Peeters");
		assertThat(mapping.displayName(Map.of("given_name", "Anne", "family_name", "Peeters")))
			.isEqualTo("Anne Peeters");
	}
}
