package org.orchestra.incident;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Contractors' systems are told of assignments through signed webhooks, retried until they answer. */
class WebhookTests extends IncidentTestSupport {

	@Autowired
	Webhooks webhooks;

	HttpServer server;
	final List<String[]> received = new CopyOnWriteArrayList<>();
	final AtomicInteger failuresLeft = new AtomicInteger();

	@BeforeEach
	void receiver() throws Exception {
		realGeography();
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
			if (status == 204) {
				received.add(new String[] { body, exchange.getRequestHeaders().getFirst("X-Orchestra-Signature") });
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void anAssignmentIsDeliveredSignedAndRetriedAfterAFailure() throws Exception {
		MockHttpSession admin = login("admin.ixelles");
		String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
		String page = mvc.perform(post("/desk/webhooks").param("url", url).session(admin).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = page.replaceAll("(?s).*data-secret>([0-9a-f]+)<.*", "$1");
		mvc.perform(post("/desk/webhooks").param("url", "ftp://example.org/x").session(admin).with(csrf()))
			.andExpect(status().isBadRequest());

		long id = idOf(report(login("citizen.demo"), FLAGEY, "SIDEWALK", "bench-damaged", "Hook " + UUID.randomUUID(),
				"", UUID.randomUUID().toString(), true));
		failuresLeft.set(1);
		MockHttpSession agent = login("agent.ixelles");
		mvc.perform(post("/desk/incidents/{id}/actions/contractor", id).param("contractor", "contractor.ixelles")
			.session(agent).with(csrf()));
		eventually(() -> assertThat(jdbc.queryForObject(
				"select count(*) from incident_webhook_delivery where payload like ?", Integer.class,
				"%\"service_request_id\":\"" + id + "\"%")).isEqualTo(1));

		webhooks.deliverDue();
		assertThat(received).isEmpty();
		assertThat(jdbc.queryForObject("select attempts from incident_webhook_delivery where payload like ?",
				Integer.class, "%\"service_request_id\":\"" + id + "\"%")).isEqualTo(1);
		jdbc.update("update incident_webhook_delivery set next_attempt_at = created_at where status = 'PENDING'");
		webhooks.deliverDue();
		assertThat(received).hasSize(1);
		String[] delivery = received.get(0);
		assertThat(delivery[0]).contains("\"event\":\"contractor-assigned\"").contains("\"contractor\":\"contractor.ixelles\"");
		assertThat(delivery[1]).isEqualTo("sha256=" + Webhooks.sign(secret, delivery[0]));
	}
}
