package org.orchestra.opendata.harvest;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFParserBuilder;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.jspecify.annotations.Nullable;
import org.orchestra.opendata.SourceKind;
import org.springframework.stereotype.Component;

/**
 * Harvests a DCAT / DCAT-AP catalogue published as RDF (Turtle, RDF/XML, JSON-LD, N-Triples, N3, TriG, N-Quads),
 * following its Hydra paging ({@code hydra:next} of a {@code hydra:PartialCollectionView}, or the legacy
 * {@code hydra:nextPage} of a {@code hydra:PagedCollection}) until a page has no next page. Each page is parsed into
 * a graph of its own, read, handed over and dropped. JSON-LD contexts that are not in the document are fetched
 * through the run's client (so they count against its limits) and fetched once per run.
 */
@Component
class DcatHarvester implements Harvester {

	/** The Hydra namespace, its {@code https} spelling, and the namespace of the first drafts. */
	private static final List<String> HYDRA = List.of("http://www.w3.org/ns/hydra/core#",
			"https://www.w3.org/ns/hydra/core#", "http://purl.org/hydra/core#");

	private static final List<Property> NEXT = HYDRA.stream()
		.flatMap(ns -> Stream.of(ResourceFactory.createProperty(ns, "next"),
				ResourceFactory.createProperty(ns, "nextPage")))
		.toList();

	private static final List<Resource> VIEWS = HYDRA.stream()
		.flatMap(ns -> Stream.of("PartialCollectionView", "PagedCollection", "Collection")
			.map(local -> ResourceFactory.createResource(ns + local)))
		.toList();

	@Override
	public SourceKind kind() {
		return SourceKind.DCAT;
	}

	@Override
	public void harvest(SourceSpec source, SourceClient client, PageSink sink) {
		Run run = new Run(client);
		String url = source.url();
		while (url != null) {
			SourceClient.Response response = client.get(url, RdfFormats.ACCEPT);
			String base = response.url();
			Model page = run.parse(response);
			DcatRecords.Page read = DcatRecords.read(page, run.seen);
			String next = next(page, url, base);
			page.close();
			sink.accept(read.records(), read.failures());
			url = next;
		}
	}

	/**
	 * The page after this one: the Hydra next link of the page itself if it has one, else of a Hydra view or
	 * collection, else any; relative links are resolved against the page's URL.
	 */
	static @Nullable String next(Model page, String requested, String base) {
		List<Statement> links = new ArrayList<>();
		for (Property property : NEXT) {
			page.listStatements(null, property, (RDFNode) null).forEachRemaining(links::add);
		}
		if (links.isEmpty()) {
			return null;
		}
		Set<String> ofPage = new TreeSet<>();
		Set<String> ofView = new TreeSet<>();
		Set<String> other = new TreeSet<>();
		for (Statement link : links) {
			String target = target(link.getObject(), base);
			if (target == null) {
				continue;
			}
			Resource subject = link.getSubject();
			if (subject.isURIResource()
					&& (subject.getURI().equals(requested) || subject.getURI().equals(base))) {
				ofPage.add(target);
			}
			else if (VIEWS.stream().anyMatch(view -> subject.hasProperty(RDF.type, view))) {
				ofView.add(target);
			}
			else {
				other.add(target);
			}
		}
		for (Set<String> candidates : List.of(ofPage, ofView, other)) {
			if (!candidates.isEmpty()) {
				return candidates.iterator().next();
			}
		}
		return null;
	}

	private static @Nullable String target(RDFNode node, String base) {
		String value = node.isURIResource() ? node.asResource().getURI()
				: node.isLiteral() ? node.asLiteral().getLexicalForm().strip() : null;
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			URI resolved = URI.create(base).resolve(value.replace(" ", "%20"));
			String text = resolved.toString();
			int fragment = text.indexOf('#');
			return fragment >= 0 ? text.substring(0, fragment) : text;
		}
		catch (IllegalArgumentException e) {
			throw new HarvestFailure("Invalid next page link at " + base + ": " + value);
		}
	}

	/** What one run keeps from page to page: the records already read, and the JSON-LD contexts fetched. */
	private static final class Run {

		private final SourceClient client;
		private final Set<String> seen = new HashSet<>();
		private final Map<String, byte[]> contexts = new HashMap<>();
		private @Nullable HarvestFailure contextFailure;

		Run(SourceClient client) {
			this.client = client;
		}

		Model parse(SourceClient.Response response) {
			Lang lang = RdfFormats.of(response.mediaType(), response.url(), response.body());
			if (lang == null) {
				throw new HarvestFailure("Not RDF: " + response.url() + " answered with an HTML page");
			}
			Model model = ModelFactory.createDefaultModel();
			contextFailure = null;
			RDFParserBuilder parser = RDFParser.create()
				.base(response.url())
				.lang(lang)
				.errorHandler(new Strict())
				.set(LangJSONLD11.JSONLD_OPTIONS, jsonLdOptions());
			if (lang == Lang.RDFXML || response.charset().equals(StandardCharsets.UTF_8)) {
				parser.source(new ByteArrayInputStream(response.body()));
			}
			else {
				parser.fromString(response.text());
			}
			try {
				if (RDFLanguages.isQuads(lang)) {
					DatasetGraph quads = DatasetFactory.createGeneral().asDatasetGraph();
					parser.parse(quads);
					Graph graph = model.getGraph();
					quads.find().forEachRemaining(q -> graph.add(q.asTriple()));
				}
				else {
					parser.parse(model);
				}
			}
			catch (RuntimeException e) {
				model.close();
				if (contextFailure != null) {
					throw new HarvestFailure("Invalid " + lang.getLabel() + " at " + response.url()
							+ ": its JSON-LD context could not be read: " + contextFailure.getMessage(), e);
				}
				if (e instanceof HarvestFailure failure) {
					throw failure;
				}
				String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
				throw new HarvestFailure("Invalid " + lang.getLabel() + " at " + response.url() + ": " + message, e);
			}
			return model;
		}

		private JsonLdOptions jsonLdOptions() {
			return new JsonLdOptions(new Contexts());
		}

		/** Fetches remote JSON-LD contexts through the run's client, once each. */
		private final class Contexts implements DocumentLoader {

			@Override
			public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
				String key = url.toString();
				byte[] body = contexts.get(key);
				if (body == null) {
					try {
						body = client.get(key, "application/ld+json, application/json;q=0.9").body();
					}
					catch (HarvestFailure e) {
						contextFailure = e;
						throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, e.getMessage());
					}
					contexts.put(key, body);
				}
				try {
					JsonDocument document = JsonDocument.of(MediaType.JSON_LD, new ByteArrayInputStream(body));
					document.setDocumentUrl(url);
					return document;
				}
				catch (JsonLdError e) {
					contextFailure = new HarvestFailure(key + " is not a JSON document");
					throw e;
				}
			}
		}
	}

	/** Stops at the first error, with its position; warnings (odd but readable data) are let through. */
	private static final class Strict implements ErrorHandler {

		@Override
		public void warning(String message, long line, long col) {
			// readable: the statement is kept or skipped by the parser
		}

		@Override
		public void error(String message, long line, long col) {
			throw new RiotParseException(message, line, col);
		}

		@Override
		public void fatal(String message, long line, long col) {
			throw new RiotParseException(message, line, col);
		}
	}
}
