package org.orchestra.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Renders a document from an XHTML Thymeleaf template ({@code module/name}: {@code templates/<module>/pdf/<name>.html})
 * to PDF. The XHTML is parsed here with pooled parsers (no external DTDs or entities), and the
 * renderer's own diagnostics go to the application's log.
 */
@Component
class PdfRenderer {

	private static final DocumentBuilderFactory XHTML = xhtmlParsers();

	/** Parsers ready for use; requests run on virtual threads, so they are pooled rather than kept per thread. */
	private final Queue<DocumentBuilder> parsers = new ConcurrentLinkedQueue<>();

	static {
		XRLog.setLoggerImpl(new Slf4jLogger());
	}

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
			DocumentBuilder parser = parser();
			Document xhtml = parser.parse(new InputSource(new StringReader(html)));
			parser.reset();
			parsers.offer(parser);
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withW3cDocument(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException | SAXException ex) {
			throw new IllegalStateException("PDF rendering failed", ex);
		}
	}

	private DocumentBuilder parser() {
		DocumentBuilder parser = parsers.poll();
		if (parser != null) {
			return parser;
		}
		try {
			return XHTML.newDocumentBuilder();
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static DocumentBuilderFactory xhtmlParsers() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setValidating(false);
			factory.setExpandEntityReferences(false);
			factory.setXIncludeAware(false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			return factory;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The renderer's diagnostics, at debug level below warnings. */
	static final class Slf4jLogger implements XRLogger {

		private static Logger logger(String where) {
			return LoggerFactory.getLogger(where);
		}

		@Override
		public void log(String where, Level level, String message) {
			log(where, level, message, null);
		}

		@Override
		public void log(String where, Level level, String message, Throwable error) {
			Logger logger = logger(where);
			if (level.intValue() >= Level.SEVERE.intValue()) {
				logger.error(message, error);
			}
			else if (level.intValue() >= Level.WARNING.intValue()) {
				logger.warn(message, error);
			}
			else {
				logger.debug(message, error);
			}
		}

		@Override
		public void setLevel(String where, Level level) {
			// levels are those of the application's logging configuration
		}

		@Override
		public boolean isLogLevelEnabled(Diagnostic diagnostic) {
			Logger logger = logger(diagnostic.getLogMessageId().getWhere());
			int level = diagnostic.getLevel().intValue();
			return level >= Level.SEVERE.intValue() ? logger.isErrorEnabled()
					: level >= Level.WARNING.intValue() ? logger.isWarnEnabled() : logger.isDebugEnabled();
		}
	}
}
