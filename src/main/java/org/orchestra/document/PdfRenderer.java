package org.orchestra.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a document from an XHTML Thymeleaf template ({@code module/name}: {@code templates/<module>/pdf/<name>.html})
 * to PDF.
 */
@Component
class PdfRenderer {

	private final ITemplateEngine templates;

	PdfRenderer(ITemplateEngine templates) {
		this.templates = templates;
	}

	byte[] render(String template, Map<String, Object> variables, Locale locale) {
		if (!template.matches("[a-z0-9]+/[a-z0-9-]+")) {
			throw new IllegalArgumentException("Invalid template name");
		}
		String module = template.substring(0, template.indexOf('/'));
		String name = template.substring(template.indexOf('/') + 1);
		Context context = new Context(locale, variables);
		String html = templates.process(module + "/pdf/" + name, context);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException("PDF rendering failed", ex);
		}
	}
}
