package org.orchestra.shell;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Error pages rendered by the real server: the right status, in the user's language, nothing internal. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aBadParameterGivesA400PageInTheUsersLanguage() throws Exception {
		HttpResponse<String> response = get("/organisations?type=NOPE", "nl", "text/html");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("<html lang=\"nl\"").contains("Het verzoek is niet geldig");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void anUnknownCodeGivesA404PageInFrench() throws Exception {
		HttpResponse<String> response = get("/verify?code=AAAA-BBBB-CCCC-DDDD", "fr", "text/html");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Aucun document n&#39;a été délivré avec ce code");
	}

	@Test
	void apiClientsGetAStructuredError() throws Exception {
		HttpResponse<String> response = get("/api/audit/entries", "en", "application/json");
		assertThat(response.statusCode()).isEqualTo(401);
		HttpResponse<String> bad = get("/organisations?type=NOPE", "en", "application/json");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
		assertThat(bad.body()).contains("\"status\":400");
	}

	@Test
	void anonymousVisitorsOfProtectedPagesAreSentToSignIn() throws Exception {
		HttpResponse<String> response = get("/admin/members", "fr", "text/html");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	private HttpResponse<String> get(String path, String language, String accept) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept-Language", language)
			.header("Accept", accept)
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
