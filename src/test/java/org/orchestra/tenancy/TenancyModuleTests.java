package org.orchestra.tenancy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The tenancy module on its own: organisations load from the project's reference file. */
@ApplicationModuleTest
class TenancyModuleTests {

	@Autowired
	OrganisationDirectory directory;

	@Test
	void bootstrapsAloneAndLoadsTheOrganisations() {
		assertThat(directory.find(OrganisationId.of("region"))).hasValueSatisfying(
				region -> assertThat(region.type()).isEqualTo(OrganisationType.REGION));
		assertThat(directory.all()).hasSizeGreaterThanOrEqualTo(1 + 19 + 19);
	}
}
