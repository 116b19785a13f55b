package org.orchestra.exchange;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A real source behind the HTTP adapter: timeouts, server errors and the circuit breaker give clear errors. */
class ExchangeProviderTests extends PlatformTests {

	static final HttpServer SOURCE = start();

	static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/vehicle", exchange -> {
				String query = exchange.getRequestURI().getQuery();
				try {
					if (query.contains("SLOW")) {
						Thread.sleep(1500);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				int status = query.contains("FAIL") ? 500 : query.contains("NONE") ? 404 : 200;
				byte[] body = "{\"plate\":\"x\",\"euroStandard\":\"EURO 6\"}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
				if (status == 200) {
					exchange.getResponseBody().write(body);
				}
				exchange.close();
			});
			server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
			server.start();
			return server;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void source(DynamicPropertyRegistry registry) {
		String base = "orchestra.exchange.providers.vehicle-registration.";
		registry.add(base + "base-url", () -> "http://127.0.0.1:" + SOURCE.getAddress().getPort());
		registry.add(base + "timeout", () -> "400ms");
		registry.add(base + "retries", () -> "1");
		registry.add(base + "open-for", () -> "60s");
	}

	@AfterAll
	static void stop() {
		SOURCE.stop(0);
	}

	@Autowired
	ExchangeTokens tokens;

	@Test
	void sourceFailuresGiveClearCodedErrorsAndOpenTheCircuit() throws Exception {
		ExchangeTestClient client = new ExchangeTestClient();
		String name = "Fleet " + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(post("/exchange/partner/clients").param("name", name).param("publicKey", client.publicKeyPem())
			.param("rate", "100").session(login("admin.ixelles")).with(csrf()));
		client.clientId = jdbc.queryForObject("select client_id from exchange_client where name = ?", String.class, name);
		mvc.perform(post("/exchange/partner/rights").param("client", client.clientId)
			.param("operation", "vehicle-registration/vehicle").param("purpose", "fines")
			.param("legalBasis", "LEZ ordinance").session(login("admin.ixelles")).with(csrf()));
		UUID right = jdbc.queryForObject("select id from exchange_right where client_id = ?", UUID.class, client.clientId);
		mvc.perform(post("/exchange/admin/rights/{id}", right).param("decision", "GRANTED").session(login("admin.region"))
			.with(csrf()));
		String body = mvc.perform(post("/exchange/oauth/token").contentType("application/x-www-form-urlencoded")
			.param("grant_type", "client_credentials").param("client_assertion_type", ClientAuthentication.ASSERTION_TYPE)
			.param("client_assertion", client.assertion(tokens.issuer()))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String token = body.replaceAll("(?s).*\"access_token\":\"([^\"]+)\".*", "$1");

		assertThat(call(token, "1-ABC-123").getResponse().getStatus()).isEqualTo(200);
		assertThat(call(token, "1-NONE-000").getResponse().getContentAsString()).contains("NOT_FOUND_AT_SOURCE");
		MvcResult slow = call(token, "1-SLOW-000");
		assertThat(slow.getResponse().getStatus()).isEqualTo(504);
		assertThat(slow.getResponse().getContentAsString()).contains("PROVIDER_TIMEOUT");
		MvcResult failing = call(token, "1-FAIL-000");
		assertThat(failing.getResponse().getStatus()).isEqualTo(502);
		assertThat(failing.getResponse().getContentAsString()).contains("PROVIDER_ERROR");
		int open = 0;
		for (int i = 0; i < 8; i++) {
			if (call(token, "1-FAIL-00" + i).getResponse().getContentAsString().contains("CIRCUIT_OPEN")) {
				open++;
			}
		}
		assertThat(open).as("the circuit opens after repeated failures").isPositive();
		MvcResult whileOpen = call(token, "1-ABC-123");
		assertThat(whileOpen.getResponse().getStatus()).isEqualTo(503);
		assertThat(jdbc.queryForObject("select outcome from exchange_transaction where message_id = ?", String.class,
				whileOpen.getResponse().getHeader("X-Message-Id"))).isEqualTo("CIRCUIT_OPEN");
		mvc.perform(get("/exchange/admin").session(login("admin.region")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("DOWN")));
	}

	MvcResult call(String token, String plate) throws Exception {
		return mvc.perform(get("/exchange/v1/vehicle-registration/vehicle").param("plate", plate).param("purpose", "fines")
			.header("Authorization", "Bearer " + token)).andReturn();
	}
}
