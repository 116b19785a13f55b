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
		resolver.setPrefix("templates/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
	}

	/**
	 * Renders {@code name} (notification's own templates) or {@code module/name} (a module's template under
	 * {@code templates/<module>/mail/}, subject {@code <module>.mail.<name>.subject}).
	 */
	Rendered render(String template, Map<String, Object> variables, Locale locale) {
		if (!template.matches("([a-z0-9]+/)?[a-z0-9-]+")) {
			throw new IllegalArgumentException("Invalid template name");
		}
		String module = template.contains("/") ? template.substring(0, template.indexOf('/')) : "notification";
		String name = template.substring(template.indexOf('/') + 1);
		Object[] arguments = { variables.getOrDefault("organisation", ""), variables.getOrDefault("reference", "") };
		String subject = messages.getMessage(module + ".mail." + name + ".subject", arguments, locale);
		String body = engine.process(module + "/mail/" + name, new Context(locale, variables));
		return new Rendered(subject, body);
	}

	record Rendered(String subject, String body) {
	}
}
