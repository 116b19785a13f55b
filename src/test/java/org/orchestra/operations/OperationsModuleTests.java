package org.orchestra.operations;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class OperationsModuleTests {

	@Autowired
	OperationsContributions contributions;

	@Test
	void probesAndApiDocumentationArePublicButMetricsAreNot() {
		assertThat(contributions.patterns()).contains("/actuator/health/**", "/v3/api-docs/**")
			.doesNotContain("/actuator/prometheus", "/actuator/**");
		assertThat(contributions.privilegesByRole().get("platform-admin")).contains("operations.metrics.read");
	}
}
