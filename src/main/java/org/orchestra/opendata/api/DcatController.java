package org.orchestra.opendata.api;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Hidden;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.jspecify.annotations.Nullable;
import org.orchestra.opendata.Dataset;
import org.orchestra.opendata.DatasetStatus;
import org.orchestra.opendata.OpenData;
import org.orchestra.opendata.OpendataProperties;
import org.orchestra.opendata.Publisher;
import org.orchestra.opendata.SearchCriteria;
import org.orchestra.opendata.SearchQuery;
import org.orchestra.opendata.SearchResult;
import org.orchestra.tenancy.Organisation;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.OrganisationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue as DCAT-AP 3.0.1 for harvesters (data.europa.eu, national portals, ckanext-dcat, udata, piveau):
 * {@code /opendata/catalog} in pages with Hydra paging links, in Turtle, RDF/XML, JSON-LD or N-Triples chosen by
 * the {@code Accept} header or by extension ({@code /opendata/catalog.ttl}); one resource per dataset at its
 * page's address ({@code /opendata/datasets/{slug}} asked for RDF, or with an extension); the whole catalogue as
 * one stream ({@code /opendata/catalog/dump.nt}), read in batches. Withdrawn datasets are not listed; their own
 * resource answers 410 Gone. Refusals are problem details ({@code application/problem+json}) in the caller's
 * language.
 */
@Controller
@Hidden
class DcatController {

	private static final Logger log = LoggerFactory.getLogger(DcatController.class);

	/** Datasets read at a time while streaming the whole catalogue. */
	static final int DUMP_BATCH = 500;

	static final String REGION_PUBLISHER_TYPE = DcatMapper.PUBLISHER_TYPE + "LocalAuthority";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Turtle with {@code @prefix} directives, which older harvesters (rdflib before Turtle 1.1) still need. */
	private static final Context WRITING = RIOT.getContext().copy().set(RIOT.symTurtleDirectiveStyle, "at");

	private final OpenData openData;
	private final OrganisationDirectory organisations;
	private final MessageSource messages;
	private final OpendataProperties properties;
	private final DcatMapper mapper;

	DcatController(OpenData openData, OrganisationDirectory organisations, MessageSource messages,
			OpendataProperties properties) {
		this.openData = openData;
		this.organisations = organisations;
		this.messages = messages;
		this.properties = properties;
		this.mapper = new DcatMapper(properties.baseUri(), messages);
	}

	/** A refusal, answered as a problem detail. */
	static final class Refusal extends RuntimeException {

		final int status;
		final String key;

		Refusal(int status, String key) {
			super(key, null, false, false);
			this.status = status;
			this.key = key;
		}
	}

	@GetMapping("/opendata/catalog")
	void catalog(@RequestParam(required = false) @Nullable String page,
			@RequestParam(name = "page_size", required = false) @Nullable String pageSize,
			@RequestParam(name = "modified_since", required = false) @Nullable String modifiedSince,
			HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
		Optional<RdfFormat> format = RdfFormat.negotiate(request.getHeader(HttpHeaders.ACCEPT));
		if (format.isEmpty()) {
			refuse(response, new Refusal(406, "opendata.dcat.error.not-acceptable"), locale);
			return;
		}
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		catalogPage(format.get(), page, pageSize, modifiedSince, response, locale);
	}

	@GetMapping({ "/opendata/catalog.ttl", "/opendata/catalog.rdf", "/opendata/catalog.jsonld",
			"/opendata/catalog.nt" })
	void catalogByExtension(@RequestParam(required = false) @Nullable String page,
			@RequestParam(name = "page_size", required = false) @Nullable String pageSize,
			@RequestParam(name = "modified_since", required = false) @Nullable String modifiedSince,
			HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
		catalogPage(extension(request), page, pageSize, modifiedSince, response, locale);
	}

	/** The whole catalogue in one stream, read in batches: never more than a batch of datasets in memory. */
	@GetMapping({ "/opendata/catalog/dump.nt", "/opendata/catalog/dump.ttl" })
	void dump(HttpServletRequest request, HttpServletResponse response) throws IOException {
		RdfFormat format = extension(request);
		response.setContentType(format.contentType());
		OutputStream body = response.getOutputStream();
		StreamRDF out = StreamRDFWriter.getWriterStream(body, format.jena(), WRITING);
		out.start();
		DcatMapper.prefixes(out);
		DcatMapper.Sink sink = new DcatMapper.Sink(out);
		Map<String, Publisher> publishers = publishers();
		mapper.catalog(sink, head(sink, publishers));
		UUID after = null;
		while (true) {
			List<Dataset> batch = openData.publishedAfter(after, DUMP_BATCH);
			if (batch.isEmpty()) {
				break;
			}
			Set<String> shared = shared(batch);
			for (Dataset dataset : batch) {
				Publisher publisher = dataset.publisherId() == null ? null : publishers.get(dataset.publisherId());
				if (publisher == null && dataset.publisherId() != null) {
					publisher = openData.publisher(dataset.publisherId()).orElse(null);
					if (publisher != null) {
						publishers.put(publisher.id(), publisher);
					}
				}
				mapper.listed(sink, mapper.dataset(sink, dataset, publisher, shared));
			}
			after = batch.getLast().id();
			if (batch.size() < DUMP_BATCH) {
				break;
			}
		}
		sink.flush();
		out.finish();
		body.flush();
	}

	/** One dataset's resource as RDF, at the address of its page (which answers HTML). */
	@GetMapping(path = "/opendata/datasets/{slug}", produces = { "text/turtle", "application/rdf+xml",
			"application/ld+json", "application/n-triples" })
	void dataset(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response, Locale locale)
			throws IOException {
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		datasetResource(slug, RdfFormat.negotiate(request.getHeader(HttpHeaders.ACCEPT)).orElse(RdfFormat.TURTLE),
				response, locale);
	}

	@GetMapping({ "/opendata/datasets/{slug}.ttl", "/opendata/datasets/{slug}.rdf",
			"/opendata/datasets/{slug}.jsonld", "/opendata/datasets/{slug}.nt" })
	void datasetByExtension(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response,
			Locale locale) throws IOException {
		datasetResource(slug, extension(request), response, locale);
	}

	private void datasetResource(String slug, RdfFormat format, HttpServletResponse response, Locale locale)
			throws IOException {
		Optional<Dataset> found = slug.length() > 200 ? Optional.empty() : openData.dataset(slug);
		if (found.isEmpty()) {
			refuse(response, new Refusal(404, "opendata.dcat.error.not-found"), locale);
			return;
		}
		Dataset dataset = found.get();
		if (dataset.status() == DatasetStatus.WITHDRAWN) {
			refuse(response, new Refusal(410, "opendata.dcat.error.gone"), locale);
			return;
		}
		Publisher publisher = dataset.publisherId() == null ? null
				: openData.publisher(dataset.publisherId()).orElse(null);
		Set<String> shared = shared(List.of(dataset));
		write(format, response, sink -> mapper.dataset(sink, dataset, publisher, shared));
	}

	private void catalogPage(RdfFormat format, @Nullable String pageParam, @Nullable String sizeParam,
			@Nullable String modifiedSince, HttpServletResponse response, Locale locale) throws IOException {
		int page;
		int size;
		Instant since;
		try {
			page = number(pageParam, 1, "opendata.dcat.error.page");
			size = number(sizeParam, Math.min(properties.catalogPageSize(), SearchQuery.MAX_SIZE),
					"opendata.dcat.error.page-size");
			if (page < 1) {
				throw new Refusal(400, "opendata.dcat.error.page");
			}
			if (size < 1 || size > SearchQuery.MAX_SIZE) {
				throw new Refusal(400, "opendata.dcat.error.page-size");
			}
			since = instant(modifiedSince);
		}
		catch (Refusal refusal) {
			refuse(response, refusal, locale);
			return;
		}
		long offset = (long) (page - 1) * size;
		SearchResult result = openData.search(new SearchQuery("", Map.of(), SearchQuery.Sort.ID, 0, size, "fr"),
				SearchCriteria.updatedSince(since), offset, false);
		long last = Math.max(1, (result.total() + size - 1) / size);
		if (page > last) {
			refuse(response, new Refusal(404, "opendata.dcat.error.no-page"), locale);
			return;
		}
		Map<String, Publisher> publishers = publishers();
		Set<String> shared = shared(result.datasets());
		String query = (sizeParam != null ? "&page_size=" + size : "")
				+ (since != null ? "&modified_since=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8) : "");
		write(format, response, sink -> {
			mapper.catalog(sink, head(sink, publishers));
			for (Dataset dataset : result.datasets()) {
				Publisher publisher = dataset.publisherId() == null ? null : publishers.get(dataset.publisherId());
				mapper.listed(sink, mapper.dataset(sink, dataset, publisher, shared));
			}
			hydra(sink, format, page, last, result.total(), query);
		});
	}

	/** Hydra paging as ckanext-dcat and udata read it: the catalogue is a collection, this page a partial view. */
	private void hydra(DcatMapper.Sink sink, RdfFormat format, int page, long last, long total, String query) {
		Node catalog = mapper.catalogNode();
		String pages = properties.baseUri() + "/opendata/catalog." + format.extension() + "?page=";
		Node view = DcatMapper.uri(pages + page + query);
		Node count = NodeFactory.createLiteralDT(Long.toString(total), XSDDatatype.XSDinteger);
		sink.type(catalog, DcatMapper.HYDRA + "Collection");
		sink.add(catalog, DcatMapper.HYDRA + "totalItems", count);
		sink.add(catalog, DcatMapper.HYDRA + "view", view);
		sink.type(view, DcatMapper.HYDRA + "PartialCollectionView");
		sink.add(view, DcatMapper.HYDRA + "totalItems", count);
		sink.add(view, DcatMapper.HYDRA + "first", DcatMapper.uri(pages + 1 + query));
		sink.add(view, DcatMapper.HYDRA + "last", DcatMapper.uri(pages + last + query));
		if (page < last) {
			sink.add(view, DcatMapper.HYDRA + "next", DcatMapper.uri(pages + (page + 1) + query));
		}
		if (page > 1) {
			sink.add(view, DcatMapper.HYDRA + "previous", DcatMapper.uri(pages + (page - 1) + query));
		}
	}

	/** The catalogue's publisher (the region's) and when the catalogue last changed. */
	private DcatMapper.CatalogHead head(DcatMapper.Sink sink, Map<String, Publisher> publishers) {
		OrganisationId region = organisations.all()
			.stream()
			.filter(o -> o.type() == OrganisationType.REGION)
			.map(Organisation::id)
			.findFirst()
			.orElse(OrganisationId.of("region"));
		Map<String, String> names = new LinkedHashMap<>();
		for (String language : DcatMapper.LANGUAGES) {
			names.put(language, organisations.nameOf(region, Locale.of(language)));
		}
		Publisher known = publishers.get(region.value());
		Node publisher = known != null ? mapper.publisher(sink, known)
				: mapper.publisher(sink, region.value(), names, REGION_PUBLISHER_TYPE);
		return new DcatMapper.CatalogHead(publisher, names, openData.lastChange().orElse(null));
	}

	private Map<String, Publisher> publishers() {
		return openData.publishers()
			.stream()
			.collect(Collectors.toMap(Publisher::id, Function.identity(), (a, b) -> a, HashMap::new));
	}

	/** The IRIs given by these datasets and their distributions that other datasets or distributions also claim. */
	private Set<String> shared(List<Dataset> datasets) {
		List<String> datasetUris = new ArrayList<>();
		List<String> distributionUris = new ArrayList<>();
		for (Dataset dataset : datasets) {
			if (dataset.uri() != null) {
				datasetUris.add(dataset.uri());
			}
			dataset.distributions().forEach(d -> {
				if (d.uri() != null) {
					distributionUris.add(d.uri());
				}
			});
		}
		Set<String> shared = new java.util.HashSet<>(openData.sharedUris(datasetUris, false));
		shared.addAll(openData.sharedUris(distributionUris, true));
		return shared;
	}

	/** Writes the triples: streamed for Turtle and N-Triples, through a graph for RDF/XML and JSON-LD. */
	private void write(RdfFormat format, HttpServletResponse response,
			java.util.function.Consumer<DcatMapper.Sink> content) throws IOException {
		response.setContentType(format.contentType());
		OutputStream body = response.getOutputStream();
		if (format.streaming()) {
			StreamRDF out = StreamRDFWriter.getWriterStream(body, format.jena(), WRITING);
			out.start();
			DcatMapper.prefixes(out);
			DcatMapper.Sink sink = new DcatMapper.Sink(out);
			content.accept(sink);
			sink.flush();
			out.finish();
		}
		else {
			Graph graph = GraphFactory.createDefaultGraph();
			StreamRDF out = StreamRDFLib.graph(graph);
			out.start();
			DcatMapper.prefixes(out);
			DcatMapper.Sink sink = new DcatMapper.Sink(out);
			content.accept(sink);
			sink.flush();
			out.finish();
			RDFDataMgr.write(body, graph, format.jena());
		}
		body.flush();
	}

	private static RdfFormat extension(HttpServletRequest request) {
		String path = request.getRequestURI();
		return RdfFormat.ofExtension(path.substring(path.lastIndexOf('.') + 1)).orElse(RdfFormat.TURTLE);
	}

	private static int number(@Nullable String value, int fallback, String key) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new Refusal(400, key);
		}
	}

	/** A date ({@code 2024-06-01}, midnight UTC) or a date and time with its offset. */
	static @Nullable Instant instant(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
		}
		catch (DateTimeParseException ex) {
			throw new Refusal(400, "opendata.dcat.error.modified-since");
		}
	}

	private void refuse(HttpServletResponse response, Refusal refusal, Locale locale) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", messages.getMessage("opendata.dcat.error.title." + refusal.status, null,
				String.valueOf(refusal.status), locale));
		problem.put("status", refusal.status);
		problem.put("detail", messages.getMessage(refusal.key, null, refusal.key, locale));
		problem.put("code", refusal.key);
		response.setStatus(refusal.status);
		response.setContentType("application/problem+json;charset=UTF-8");
		response.getOutputStream().write(JSON.writeValueAsBytes(problem));
		log.debug("DCAT request refused: {} {}", refusal.status, refusal.key);
	}
}
