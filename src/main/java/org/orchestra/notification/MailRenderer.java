package org.orchestra.notification;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders e-mails from text templates under {@code templates/notification/mail/}, in the recipient's language;
 * the subject is the message {@code notification.mail.<template>.subject}.
 */
@Component
class MailRenderer {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();
	private final MessageSource messages;

	MailRenderer(MessageSource messages) {
		this.messages = messages;
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/notification/mail/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
	}

	Rendered render(String template, Map<String, Object> variables, Locale locale) {
		if (!template.matches("[a-z0-9-]+")) {
			throw new IllegalArgumentException("Invalid template name");
		}
		Object[] arguments = { variables.getOrDefault("organisation", "") };
		String subject = messages.getMessage("notification.mail." + template + ".subject", arguments, locale);
		String body = engine.process(template, new Context(locale, variables));
		return new Rendered(subject, body);
	}

	record Rendered(String subject, String body) {
	}
}
