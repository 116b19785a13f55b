package org.orchestra.opendata.harvest;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's DOM parser set up for documents from outside: namespace aware, no DTD at all (so no entity, internal or
 * external, and no XXE), no external schema, no XInclude.
 */
final class SafeXml {

	private static final DocumentBuilderFactory FACTORY = factory();

	private SafeXml() {
	}

	private static DocumentBuilderFactory factory() {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
		try {
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setValidating(false);
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException("The XML parser cannot be made safe", e);
		}
		return factory;
	}

	/** A builder of its own (builders are not thread-safe) that throws on errors instead of printing them. */
	static DocumentBuilder builder() {
		try {
			DocumentBuilder builder = FACTORY.newDocumentBuilder();
			builder.setErrorHandler(new ErrorHandler() {
				@Override
				public void warning(SAXParseException exception) {
					// harmless
				}

				@Override
				public void error(SAXParseException exception) throws SAXException {
					throw exception;
				}

				@Override
				public void fatalError(SAXParseException exception) throws SAXException {
					throw exception;
				}
			});
			return builder;
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Parses a document, or fails the run saying why it could not be read. */
	static Document parse(byte[] body, String url) {
		try {
			return builder().parse(new ByteArrayInputStream(body), url);
		}
		catch (SAXParseException e) {
			String message = String.valueOf(e.getMessage());
			if (message.contains("DOCTYPE")) {
				throw new HarvestFailure("Refused XML at " + url
						+ ": it declares a DOCTYPE (DTDs and entities are not accepted)");
			}
			throw new HarvestFailure("Invalid XML at " + url + ": line " + e.getLineNumber() + ", column "
					+ e.getColumnNumber() + ": " + message);
		}
		catch (SAXException | IOException e) {
			throw new HarvestFailure("Invalid XML at " + url + ": " + e.getMessage());
		}
	}
}
