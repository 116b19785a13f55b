package org.orchestra.opendata.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.riot.RDFFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The RDF serialisations the catalogue speaks, by media type (content negotiation) and by file extension
 * ({@code /opendata/catalog.ttl}). Turtle and N-Triples are written as a stream; RDF/XML and JSON-LD need the
 * whole graph of a page first.
 */
enum RdfFormat {

	TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_BLOCKS, true),
	RDF_XML("application/rdf+xml", "rdf", RDFFormat.RDFXML_PLAIN, false),
	JSON_LD("application/ld+json", "jsonld", RDFFormat.JSONLD11, false),
	N_TRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES_UTF8, true);

	static final String[] MEDIA_TYPES = { "text/turtle", "application/rdf+xml", "application/ld+json",
			"application/n-triples" };

	private final String mediaType;
	private final String extension;
	private final RDFFormat jena;
	private final boolean streaming;

	RdfFormat(String mediaType, String extension, RDFFormat jena, boolean streaming) {
		this.mediaType = mediaType;
		this.extension = extension;
		this.jena = jena;
		this.streaming = streaming;
	}

	String mediaType() {
		return mediaType;
	}

	/** The content type of the response, with its charset. */
	String contentType() {
		return mediaType + ";charset=UTF-8";
	}

	String extension() {
		return extension;
	}

	RDFFormat jena() {
		return jena;
	}

	boolean streaming() {
		return streaming;
	}

	static Optional<RdfFormat> ofExtension(String extension) {
		for (RdfFormat format : values()) {
			if (format.extension.equals(extension)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

	/** The format of a media type, with the aliases clients send ({@code application/json} is JSON-LD). */
	static Optional<RdfFormat> ofMediaType(MediaType type) {
		String name = type.getType() + "/" + type.getSubtype();
		return Optional.ofNullable(switch (name) {
			case "text/turtle", "application/x-turtle" -> TURTLE;
			case "application/rdf+xml", "application/xml", "text/xml" -> RDF_XML;
			case "application/ld+json", "application/json" -> JSON_LD;
			case "application/n-triples", "text/plain" -> N_TRIPLES;
			default -> null;
		});
	}

	/**
	 * The format a client's {@code Accept} header prefers: the best-rated RDF type it names, else Turtle when it
	 * takes anything (no header, {@code *}{@code /*}, {@code text/*}, or a browser's {@code text/html}); empty when
	 * it accepts none of them.
	 */
	static Optional<RdfFormat> negotiate(@Nullable String accept) {
		if (accept == null || accept.isBlank()) {
			return Optional.of(TURTLE);
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return Optional.of(TURTLE);
		}
		types = new ArrayList<>(types.stream().filter(t -> t.getQualityValue() > 0).toList());
		types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : types) {
			Optional<RdfFormat> format = ofMediaType(type);
			if (format.isPresent()) {
				return format;
			}
			if (type.isWildcardType() || "text".equals(type.getType()) && type.isWildcardSubtype()
					|| MediaType.TEXT_HTML.equalsTypeAndSubtype(type)
					|| MediaType.APPLICATION_XHTML_XML.equalsTypeAndSubtype(type)) {
				return Optional.of(TURTLE);
			}
		}
		return Optional.empty();
	}
}
