package org.orchestra.opendata.harvest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.jspecify.annotations.Nullable;

/**
 * Which RDF syntax a document is in: the media type of the answer when it names one, else the extension of the
 * URL, else a look at the document's first characters.
 */
final class RdfFormats {

	/** What a DCAT source is asked for: Turtle, then RDF/XML, then the other syntaxes. */
	static final String ACCEPT = "text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.8, "
			+ "application/n-triples;q=0.7, text/n3;q=0.6, application/trig;q=0.5, application/xml;q=0.3, "
			+ "*/*;q=0.1";

	/** Media types that say a document is JSON, XML or text, but not which RDF syntax. */
	private static final Set<String> GENERIC = Set.of("text/plain", "application/json", "application/xml", "text/xml",
			"application/octet-stream", "binary/octet-stream", "text/html", "application/xhtml+xml",
			"application/x-download", "application/download", "application/force-download");

	private static final Pattern XML_ELEMENT = Pattern.compile("^<[A-Za-z_][\\w.-]*(?::[\\w.-]+)?(?:\\s|>|/>).*",
			Pattern.DOTALL);

	private RdfFormats() {
	}

	/** The syntax of a document, or empty when it is an HTML page (not RDF at all). */
	static @Nullable Lang of(@Nullable String mediaType, String url, byte[] body) {
		if (mediaType != null && !GENERIC.contains(mediaType)) {
			Lang byType = switch (mediaType) {
				case "application/x-turtle", "application/turtle" -> Lang.TURTLE;
				case "application/jsonld", "application/x-json-ld" -> Lang.JSONLD;
				default -> RDFLanguages.contentTypeToLang(mediaType);
			};
			if (byType != null) {
				return byType;
			}
		}
		Lang byExtension = ofExtension(url);
		if (byExtension != null) {
			return byExtension;
		}
		return sniff(body);
	}

	private static @Nullable Lang ofExtension(String url) {
		String path;
		try {
			path = URI.create(url).getPath();
		}
		catch (IllegalArgumentException e) {
			return null;
		}
		if (path == null) {
			return null;
		}
		String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
		if (!name.contains(".")) {
			return null;
		}
		if (name.endsWith(".json")) {
			return Lang.JSONLD;
		}
		return RDFLanguages.filenameToLang(name);
	}

	/** The syntax the first characters announce; Turtle when nothing else fits (it reads N-Triples too). */
	static @Nullable Lang sniff(byte[] body) {
		String start = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.UTF_8);
		if (start.startsWith("\uFEFF")) {
			start = start.substring(1);
		}
		start = start.stripLeading();
		String lower = start.toLowerCase(Locale.ROOT);
		if (start.startsWith("{") || start.startsWith("[")) {
			return Lang.JSONLD;
		}
		if (lower.startsWith("<!doctype html") || lower.startsWith("<html")
				|| lower.startsWith("<?xml") && lower.contains("<html") && !lower.contains("<rdf:rdf")) {
			return null;
		}
		if (lower.startsWith("<?xml") || lower.startsWith("<!--") || lower.startsWith("<!doctype")
				|| XML_ELEMENT.matcher(start).matches()) {
			return Lang.RDFXML;
		}
		return Lang.TURTLE;
	}
}
