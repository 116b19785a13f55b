package org.orchestra;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The whole platform with its demo data, on the test database (in-memory H2, or PostgreSQL with the
 * {@code postgres} profile). Subclasses share one application context.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class PlatformTests {

	public static final String DEMO_PASSWORD = "Demo-Orchestra-2026";

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcTemplate jdbc;

	/** Signs in through the real login form and returns the session. */
	protected MockHttpSession login(String username) throws Exception {
		MvcResult result = mvc
			.perform(post("/login").param("username", username).param("password", DEMO_PASSWORD).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("sign-in of %s", username).doesNotContain("error");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	protected static void eventually(ThrowingRunnable assertion) {
		Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion);
	}
}
