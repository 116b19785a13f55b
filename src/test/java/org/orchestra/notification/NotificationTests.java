package org.orchestra.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orchestra.PlatformTests;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The outbox delivers over SMTP, to a real SMTP server running in the test. */
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=3025",
		"orchestra.notification.max-attempts=3", "orchestra.notification.initial-backoff=30s" })
class NotificationTests extends PlatformTests {

	static final OrganisationId IXELLES = OrganisationId.of("commune-21009");

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	NotificationManagement notifications;

	@Autowired
	OutboxDispatcher dispatcher;

	@Test
	void attachmentsTravelWithTheMessageOverSmtp() throws Exception {
		String recipient = "ics-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		byte[] calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		UUID id = notifications.sendEmail(IXELLES, recipient, Locale.of("fr"), "membership-granted",
				Map.of("name", "Anne", "organisation", "Commune d'Ixelles", "role", "agent"),
				java.util.List.of(new MailAttachment("appointment.ics", "text/calendar; charset=UTF-8; method=REQUEST",
						calendar)));
		TenantContext.runAs(IXELLES, () -> assertThat(notifications.find(id).orElseThrow().attachments())
			.extracting(MailAttachment::fileName)
			.containsExactly("appointment.ics"));

		dispatcher.dispatchDue();

		MimeMessage received = Arrays.stream(smtp.getReceivedMessages())
			.filter(m -> recipients(m).contains(recipient))
			.findFirst()
			.orElseThrow();
		jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) received.getContent();
		boolean found = false;
		for (int i = 0; i < parts.getCount(); i++) {
			jakarta.mail.BodyPart part = parts.getBodyPart(i);
			if ("appointment.ics".equals(part.getFileName())) {
				found = true;
				assertThat(part.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
				assertThat(new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
					.isEqualTo(new String(calendar, java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		assertThat(found).as("calendar part").isTrue();
		assertThatThrownBy(() -> new MailAttachment("../evil.ics", "text/calendar", calendar))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aQueuedMessageIsDeliveredInTheRecipientsLanguage() throws Exception {
		String recipient = "nl-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		UUID id = notifications.sendEmail(IXELLES, recipient, Locale.of("nl"), "membership-granted",
				Map.of("name", "Anne", "organisation", "Gemeente Elsene", "role", "agent"));
		assertThat(statusOf(id)).isEqualTo(MessageStatus.PENDING);

		dispatcher.dispatchDue();

		MimeMessage received = Arrays.stream(smtp.getReceivedMessages())
			.filter(m -> recipients(m).contains(recipient))
			.findFirst()
			.orElseThrow();
		assertThat(received.getSubject()).isEqualTo("U hebt een nieuwe rol bij Gemeente Elsene");
		assertThat(GreenMailUtil.getBody(received)).contains("Beste Anne").contains("agent");
		assertThat(statusOf(id)).isEqualTo(MessageStatus.SENT);
		TenantContext.runAs(IXELLES,
				() -> assertThat(notifications.find(id).orElseThrow().sentAt()).isNotNull());
	}

	@Test
	void aFailedDeliveryIsRetriedWithBackOffThenMarkedFailed() {
		smtp.stop();
		String recipient = "down-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		UUID id = notifications.sendEmail(IXELLES, recipient, Locale.of("fr"), "account-locked",
				Map.of("name", "Anne", "organisation", "Région"));
		Instant before = Instant.now();
		dispatcher.dispatchDue();

		OutboxMessage afterFirst = message(id);
		assertThat(afterFirst.status()).isEqualTo(MessageStatus.PENDING);
		assertThat(afterFirst.attempts()).isEqualTo(1);
		assertThat(afterFirst.lastError()).startsWith("smtp:");
		assertThat(afterFirst.nextAttemptAt()).isAfter(before.plus(Duration.ofSeconds(29)));

		dispatcher.dispatchDue();
		assertThat(message(id).attempts()).as("not due yet").isEqualTo(1);

		for (int attempt = 2; attempt <= 3; attempt++) {
			jdbc.update("update notification_message set next_attempt_at = ? where id = ?",
					java.sql.Timestamp.from(Instant.now().minusSeconds(1)), id);
			dispatcher.dispatchDue();
		}
		OutboxMessage failed = message(id);
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);

		TenantContext.runAs(IXELLES, () -> assertThat(notifications.retry(id)).isTrue());
		assertThat(message(id).status()).isEqualTo(MessageStatus.PENDING);
	}

	@Test
	void backOffDoublesUpToTheMaximum() {
		NotificationProperties properties = new NotificationProperties("x@y.z", 6, Duration.ofSeconds(30),
				Duration.ofMinutes(5), 50, Duration.ofDays(90), Duration.ofMinutes(10));
		assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofSeconds(120));
		assertThat(properties.backoffAfter(10)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void deliveredMessagesArePurgedOfPersonalDataAfterRetention() {
		String recipient = "old-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		UUID id = notifications.sendEmail(IXELLES, recipient, Locale.of("en"), "account-locked",
				Map.of("name", "Old", "organisation", "Region"));
		dispatcher.dispatchDue();
		jdbc.update("update notification_message set sent_at = ? where id = ?",
				java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(91))), id);
		assertThat(dispatcher.eraseExpired()).isGreaterThanOrEqualTo(1);
		OutboxMessage erased = message(id);
		assertThat(erased.recipient()).isEqualTo(OutboxMessage.ERASED);
		assertThat(erased.body()).isEqualTo(OutboxMessage.ERASED);
		assertThat(erased.subject()).isNotBlank();
	}

	@Test
	void theOutboxPageShowsTheDeliveryStatusToAdministratorsOnly() throws Exception {
		String recipient = "page-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		notifications.sendEmail(IXELLES, recipient, Locale.of("fr"), "account-locked",
				Map.of("name", "P", "organisation", "Ixelles"));
		MockHttpSession admin = login("admin.ixelles");
		mvc.perform(get("/notifications/outbox").session(admin).header("Accept-Language", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(recipient)))
			.andExpect(content().string(containsString("En attente")));
		mvc.perform(get("/notifications/outbox").session(login("admin.schaerbeek")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(recipient))));
		mvc.perform(get("/notifications/outbox").session(login("agent.ixelles"))).andExpect(status().isForbidden());
	}

	private static String recipients(MimeMessage message) {
		try {
			return GreenMailUtil.getAddressList(message.getAllRecipients());
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private MessageStatus statusOf(UUID id) {
		return message(id).status();
	}

	private OutboxMessage message(UUID id) {
		return TenantContext.callAs(IXELLES, () -> notifications.find(id).orElseThrow());
	}
}
