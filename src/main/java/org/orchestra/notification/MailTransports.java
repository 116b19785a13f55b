package org.orchestra.notification;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Chooses how e-mail leaves the platform: over SMTP when {@code spring.mail.host} is configured, otherwise to the
 * log (the embedded default, for local runs and demos).
 */
@Component
class MailTransports {

	private static final Logger LOG = LoggerFactory.getLogger(MailTransports.class);

	private final ObjectProvider<JavaMailSender> senders;

	MailTransports(ObjectProvider<JavaMailSender> senders) {
		this.senders = senders;
	}

	MailTransport current() {
		JavaMailSender sender = senders.getIfAvailable();
		return sender == null ? new LogTransport() : new SmtpTransport(sender);
	}

	record SmtpTransport(JavaMailSender sender) implements MailTransport {

		@Override
		public void send(String from, OutboxMessage message) throws Exception {
			MimeMessage mime = sender.createMimeMessage();
			java.util.List<MailAttachment> files = message.attachments();
			MimeMessageHelper helper = new MimeMessageHelper(mime, !files.isEmpty(), StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(message.recipient());
			helper.setSubject(message.subject());
			helper.setText(message.body(), false);
			for (MailAttachment file : files) {
				helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.contentType());
			}
			mime.setHeader("Content-Language", message.locale());
			mime.setHeader("X-Orchestra-Message", message.id().toString());
			sender.send(mime);
		}

		@Override
		public String name() {
			return "smtp";
		}
	}

	static final class LogTransport implements MailTransport {

		@Override
		public void send(String from, OutboxMessage message) {
			LOG.info("E-mail {} to {}: {} ({} attachments)", message.id(), message.recipient(), message.subject(),
					message.attachments().size());
		}

		@Override
		public String name() {
			return "log";
		}
	}
}
