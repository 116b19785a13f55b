package org.orchestra.operations;

import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OperationsTests extends PlatformTests {

	@Test
	void livenessAndReadinessProbesAreUp() throws Exception {
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void prometheusMetricsNeedTheMetricsPrivilege() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").with(httpBasic("agent.ixelles", DEMO_PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").with(httpBasic("auditor.region", DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")));
	}

	@Test
	void theOpenApiDocumentIsVersion31() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi", startsWith("3.1")))
			.andExpect(jsonPath("$.paths['/api/audit/verification']").exists());
		mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
	}
}
