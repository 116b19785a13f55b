package org.orchestra.exchange;

import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The gateway authenticates clients, checks rights, purposes and populations, and logs every transaction. */
class ExchangeTests extends PlatformTests {

	@Autowired
	DemoSources sources;

	@Autowired
	ExchangeTokens tokens;

	@Autowired
	ExchangeKeys keys;

	ExchangeTestClient client;

	@BeforeEach
	void registerClient() throws Exception {
		client = new ExchangeTestClient();
		client.clientId = register("admin.ixelles", "App " + UUID.randomUUID().toString().substring(0, 6), 100);
	}

	String register(String admin, String name, int rate) throws Exception {
		mvc.perform(post("/exchange/partner/clients").param("name", name).param("publicKey", client.publicKeyPem())
			.param("rate", Integer.toString(rate)).session(login(admin)).with(csrf()));
		return jdbc.queryForObject("select client_id from exchange_client where name = ?", String.class, name);
	}

	String token() throws Exception {
		String body = mvc.perform(post("/exchange/oauth/token").contentType("application/x-www-form-urlencoded")
			.param("grant_type", "client_credentials")
			.param("client_assertion_type", ClientAuthentication.ASSERTION_TYPE)
			.param("client_assertion", client.assertion(tokens.issuer())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return body.replaceAll("(?s).*\"access_token\":\"([^\"]+)\".*", "$1");
	}

	MvcResult call(String token, String path, String... params) throws Exception {
		var request = get(path).header("Authorization", "Bearer " + token);
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andReturn();
	}

	void requestAndGrant(String operation, String purpose) throws Exception {
		String[] parts = operation.split("/");
		mvc.perform(post("/exchange/partner/rights").param("client", client.clientId).param("operation", operation)
			.param("purpose", purpose).param("legalBasis", "Art. 5 of the decree").session(login("admin.ixelles"))
			.with(csrf()));
		UUID right = jdbc.queryForObject(
				"select id from exchange_right where client_id = ? and service = ? and operation = ? and status = 'REQUESTED'",
				UUID.class, client.clientId, parts[0], parts[1]);
		mvc.perform(post("/exchange/admin/rights/{id}", right).param("decision", "GRANTED")
			.session(login("admin.region")).with(csrf()));
	}

	String ixellesResident() {
		return sources.persons().stream().filter(p -> p.nisCode().equals("21009")).findFirst().orElseThrow()
			.nationalNumber();
	}

	String logged(String messageId) {
		return jdbc.queryForObject("select outcome from exchange_transaction where message_id = ?", String.class, messageId);
	}

	@Test
	void authenticationFailuresAreRefused() throws Exception {
		mvc.perform(get("/exchange/v1/population-register/person")).andExpect(status().isUnauthorized());
		mvc.perform(get("/exchange/v1/population-register/person").header("Authorization", "Bearer nonsense"))
			.andExpect(status().isUnauthorized());
		ExchangeTestClient stranger = new ExchangeTestClient();
		String forged = ExchangeTestClient.assertion(tokens.issuer(), client.clientId, Instant.now().plusSeconds(60),
				UUID.randomUUID().toString(), (RSAPrivateKey) stranger.keys.getPrivate());
		mvc.perform(post("/exchange/oauth/token").contentType("application/x-www-form-urlencoded")
			.param("grant_type", "client_credentials").param("client_assertion_type", ClientAuthentication.ASSERTION_TYPE)
			.param("client_assertion", forged))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("invalid_client"));
		String expired = ExchangeTestClient.assertion(tokens.issuer(), client.clientId, Instant.now().minusSeconds(5),
				UUID.randomUUID().toString(), (RSAPrivateKey) client.keys.getPrivate());
		mvc.perform(post("/exchange/oauth/token").contentType("application/x-www-form-urlencoded")
			.param("grant_type", "client_credentials").param("client_assertion_type", ClientAuthentication.ASSERTION_TYPE)
			.param("client_assertion", expired)).andExpect(status().isUnauthorized());
		String once = client.assertion(tokens.issuer());
		for (int attempt = 0; attempt < 2; attempt++) {
			mvc.perform(post("/exchange/oauth/token").contentType("application/x-www-form-urlencoded")
				.param("grant_type", "client_credentials").param("client_assertion_type", ClientAuthentication.ASSERTION_TYPE)
				.param("client_assertion", once)).andExpect(attempt == 0 ? status().isOk() : status().isUnauthorized());
		}
		mvc.perform(post("/exchange/oauth/token").contentType("application/x-www-form-urlencoded")
			.param("grant_type", "client_credentials").param("client_assertion_type", ClientAuthentication.ASSERTION_TYPE)
			.param("client_assertion", client.assertion("https://elsewhere.example/token"))).andExpect(status().isUnauthorized());
		mvc.perform(post("/exchange/oauth/token").contentType("application/x-www-form-urlencoded")
			.param("grant_type", "password")).andExpect(status().isBadRequest());
	}

	@Test
	void aMissingRightIsRefusedAndLoggedThenGrantingItWorksWithoutRestart() throws Exception {
		String token = token();
		String resident = ixellesResident();
		MvcResult refused = call(token, "/exchange/v1/population-register/person", "nn", resident, "purpose",
				"household composition certificate");
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(refused.getResponse().getContentAsString()).contains("\"code\":\"NO_RIGHT\"");
		assertThat(logged(refused.getResponse().getHeader("X-Message-Id"))).isEqualTo("NO_RIGHT");

		requestAndGrant("population-register/person", "household composition certificate");
		MvcResult ok = call(token, "/exchange/v1/population-register/person", "nn", resident, "purpose",
				"household composition certificate");
		assertThat(ok.getResponse().getStatus()).isEqualTo(200);
		assertThat(ok.getResponse().getContentAsString()).contains("\"synthetic\":true").contains(resident);
		assertThat(logged(ok.getResponse().getHeader("X-Message-Id"))).isEqualTo("OK");

		MvcResult otherPurpose = call(token, "/exchange/v1/population-register/person", "nn", resident, "purpose",
				"marketing");
		assertThat(otherPurpose.getResponse().getContentAsString()).contains("PURPOSE_MISMATCH");
		String stored = jdbc.queryForObject("select person_hash from exchange_transaction where message_id = ?",
				String.class, ok.getResponse().getHeader("X-Message-Id"));
		assertThat(stored).isEqualTo(keys.personHash(resident)).doesNotContain(resident);
	}

	@Test
	void aPersonOutsideThePartnersPopulationIsRefusedBeforeTheSource() throws Exception {
		requestAndGrant("population-register/household", "social inquiry");
		String token = token();
		String outsider = sources.persons().stream().filter(p -> p.nisCode().equals("21015")).findFirst().orElseThrow()
			.nationalNumber();
		long before = sources.calls();
		MvcResult refused = call(token, "/exchange/v1/population-register/household", "nn", outsider, "purpose",
				"social inquiry");
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(refused.getResponse().getContentAsString()).contains("PERSON_NOT_IN_POPULATION");
		assertThat(sources.calls()).isEqualTo(before);
		assertThat(logged(refused.getResponse().getHeader("X-Message-Id"))).isEqualTo("PERSON_NOT_IN_POPULATION");
		MvcResult ok = call(token, "/exchange/v1/population-register/household", "nn", ixellesResident(), "purpose",
				"social inquiry");
		assertThat(ok.getResponse().getStatus()).isEqualTo(200);
		assertThat(sources.calls()).isEqualTo(before + 1);
	}

	@Test
	void metaservicesDescribeWhatTheCallerMayDo() throws Exception {
		requestAndGrant("enterprise-register/enterprise", "public procurement");
		String token = token();
		mvc.perform(get("/exchange/v1/services").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$[?(@.code == 'population-register')].operations[0]").value("person"));
		mvc.perform(get("/exchange/v1/services/enterprise-register/operations").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$[0].operation").value("enterprise"))
			.andExpect(jsonPath("$[0].purpose").value("public procurement"));
		mvc.perform(get("/exchange/v1/services/enterprise-register/openapi").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$.openapi").value("3.1.0"))
			.andExpect(jsonPath("$.paths['/exchange/v1/enterprise-register/enterprise'].get").exists());
		MvcResult missing = call(token, "/exchange/v1/enterprise-register/enterprise", "number", "0999999999",
				"purpose", "public procurement");
		assertThat(missing.getResponse().getStatus()).isEqualTo(200);
		MvcResult invalid = call(token, "/exchange/v1/enterprise-register/enterprise", "number", "bad", "purpose",
				"public procurement");
		assertThat(invalid.getResponse().getContentAsString()).contains("NOT_FOUND_AT_SOURCE");
	}

	@Test
	void clientsAreRateLimited() throws Exception {
		client = new ExchangeTestClient();
		client.clientId = register("admin.ixelles", "Slow " + UUID.randomUUID().toString().substring(0, 6), 1);
		requestAndGrant("vehicle-registration/vehicle", "low-emission zone");
		String token = token();
		int limited = 0;
		for (int i = 0; i < 4; i++) {
			if (call(token, "/exchange/v1/vehicle-registration/vehicle", "plate", "1-ABC-123", "purpose",
					"low-emission zone").getResponse().getStatus() == 429) {
				limited++;
			}
		}
		assertThat(limited).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theLogDetectsTamperingAndEvidenceVerifiesOffline() throws Exception {
		String token = token();
		MvcResult refused = call(token, "/exchange/v1/vehicle-registration/vehicle", "plate", "1-ABC-123", "purpose", "x");
		String messageId = refused.getResponse().getHeader("X-Message-Id");
		MockHttpSession integrator = login("admin.region");
		String evidence = mvc.perform(get("/exchange/admin/transactions/{id}/evidence.json", messageId).session(integrator))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Evidence.verify(evidence)).isNull();
		assertThat(Evidence.verify(evidence.replaceFirst("\"outcome\" : \"NO_RIGHT\"", "\"outcome\" : \"OK\"")))
			.isNotNull();

		mvc.perform(get("/exchange/admin/transactions").session(integrator).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("The log is intact")));
		Long seq = jdbc.queryForObject("select seq from exchange_transaction where message_id = ?", Long.class, messageId);
		jdbc.update("update exchange_transaction set outcome = 'OK' where seq = ?", seq);
		try {
			mvc.perform(get("/exchange/admin/transactions").session(integrator).header("Accept-Language", "en"))
				.andExpect(content().string(containsString("The log is BROKEN at entry " + seq)));
		}
		finally {
			jdbc.update("update exchange_transaction set outcome = 'NO_RIGHT' where seq = ?", seq);
		}
	}

	@Test
	void partnersSeeOnlyTheirOwnClientsAndCannotDecide() throws Exception {
		mvc.perform(get("/exchange/partner").session(login("admin.schaerbeek")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(client.clientId))));
		mvc.perform(get("/exchange/admin").session(login("admin.ixelles"))).andExpect(status().isForbidden());
		mvc.perform(get("/exchange/partner").session(login("agent.ixelles"))).andExpect(status().isForbidden());
		Map<String, Object> none = Map.of();
		assertThat(none).isEmpty();
	}
}
