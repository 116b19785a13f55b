package org.orchestra.opendata.api;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.orchestra.opendata.Dataset;
import org.orchestra.opendata.DatasetStore;
import org.orchestra.opendata.OpendataProperties;
import org.orchestra.opendata.Vocabularies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The DCAT-AP catalogue as harvesters read it: every page of {@code /opendata/catalog} (and each format once)
 * fetched, parsed with Jena, its Hydra paging links and totals checked, and the union of the pages validated
 * against the DCAT-AP 3.0.1 shapes ({@code shapes.ttl} and {@code range.ttl} from {@code
 * ../shared/standards/dcat-ap/}) with zero violations, over datasets that exercise every property (and the odd values
 * harvested sources send) plus whatever else the catalogue holds. The shapes are shown to catch a violation, so the
 * check cannot pass vacuously. One resource per dataset: four formats, 404 when unknown, 410 when withdrawn.
 */
class DcatCatalogTests extends PlatformTests {

	static final Path STANDARDS = Path.of("..", "shared", "standards", "dcat-ap", "3.0.1", "html-shacl");
	static final String DCAT = "http://www.w3.org/ns/dcat#";
	static final String DCT = "http://purl.org/dc/terms/";
	static final String FOAF = "http://xmlns.com/foaf/0.1/";
	static final String HYDRA = "http://www.w3.org/ns/hydra/core#";

	private static CatalogueTestData.Created data;

	@Autowired
	DatasetStore store;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EntityManager entities;

	@Autowired
	OpendataProperties properties;

	@BeforeEach
	void datasets() {
		synchronized (DcatCatalogTests.class) {
			if (data == null) {
				data = CatalogueTestData.create(store, transactions, entities);
			}
		}
	}

	@Test
	void everyPageParsesPagesCorrectlyAndTheUnionConformsToDcatAp() throws Exception {
		long published = published();
		int size = 4;
		Graph union = GraphFactory.createDefaultGraph();
		List<Node> listed = new ArrayList<>();
		String next = "/opendata/catalog.ttl?page=1&page_size=" + size;
		long last = -1;
		int page = 0;
		while (next != null) {
			page++;
			Graph graph = parse(fetch(get(next)), Lang.TURTLE);
			String view = properties.baseUri() + "/opendata/catalog.ttl?page=" + page + "&page_size=" + size;
			Node viewNode = NodeFactory.createURI(view);
			assertThat(graph.contains(viewNode, RDF.type.asNode(), uri(HYDRA + "PartialCollectionView")))
				.as("page %d is a hydra:PartialCollectionView named %s", page, view)
				.isTrue();
			assertThat(integer(graph, viewNode, HYDRA + "totalItems")).as("hydra:totalItems").isEqualTo(published);
			assertThat(integer(graph, catalog(), HYDRA + "totalItems")).isEqualTo(published);
			assertThat(object(graph, viewNode, HYDRA + "first"))
				.isEqualTo(properties.baseUri() + "/opendata/catalog.ttl?page=1&page_size=" + size);
			last = (published + size - 1) / size;
			assertThat(object(graph, viewNode, HYDRA + "last"))
				.isEqualTo(properties.baseUri() + "/opendata/catalog.ttl?page=" + last + "&page_size=" + size);
			assertThat(object(graph, viewNode, HYDRA + "previous")).isEqualTo(page == 1 ? null
					: properties.baseUri() + "/opendata/catalog.ttl?page=" + (page - 1) + "&page_size=" + size);
			String nextLink = object(graph, viewNode, HYDRA + "next");
			assertThat(nextLink).isEqualTo(page == last ? null
					: properties.baseUri() + "/opendata/catalog.ttl?page=" + (page + 1) + "&page_size=" + size);
			List<Node> items = new ArrayList<>();
			graph.find(catalog(), uri(DCAT + "dataset"), Node.ANY).forEachRemaining(t -> items.add(t.getObject()));
			graph.find(catalog(), uri(DCAT + "service"), Node.ANY).forEachRemaining(t -> items.add(t.getObject()));
			assertThat(items).as("items of page %d", page).hasSize(page < last ? size : (int) (published - (last - 1) * size));
			listed.addAll(items);
			GraphUtilAdd.addInto(union, graph);
			next = nextLink == null ? null : local(nextLink);
			assertThat((long) page).as("paging ends").isLessThanOrEqualTo(last);
		}
		assertThat((long) page).isEqualTo(last);
		assertThat(listed).as("every published dataset listed once").hasSize((int) published).doesNotHaveDuplicates();

		Set<String> subjects = listed.stream().map(Node::getURI).collect(Collectors.toSet());
		String base = properties.baseUri() + "/opendata/datasets/";
		assertThat(subjects).contains(data.rich().uri(), data.service().uri(), base + data.poor().slug(),
				base + data.twinA().slug(), base + data.twinB().slug(), base + data.serviceWithoutEndpoint().slug())
			.doesNotContain(base + data.withdrawn().slug())
			.contains("https://example.org/dataset/odd%20" + data.unique());

		assertConforms(union, "the union of the catalogue's pages");
		richDatasetIsComplete(union);
		oddValuesAreRepairedOrLeftOut(union);
	}

	private void richDatasetIsComplete(Graph g) {
		Node rich = uri(data.rich().uri());
		String u = data.unique();
		assertThat(g.contains(rich, RDF.type.asNode(), uri(DCAT + "Dataset"))).isTrue();
		assertThat(g.contains(rich, uri(DCT + "title"), NodeFactory.createLiteralLang("Deelfietsstations " + u, "nl")))
			.isTrue();
		assertThat(g.contains(rich, uri(DCT + "identifier"), NodeFactory.createLiteralString("rich-" + u))).isTrue();
		assertThat(g.contains(rich, uri(DCAT + "theme"), uri(Vocabularies.THEME_BASE + "TRAN"))).isTrue();
		assertThat(g.contains(uri(Vocabularies.THEME_BASE + "TRAN"), uri("http://www.w3.org/2004/02/skos/core#prefLabel"),
				NodeFactory.createLiteralLang("Transport", "en"))).isTrue();
		assertThat(g.contains(rich, uri(DCT + "language"), uri(Vocabularies.LANGUAGE_BASE + "NLD"))).isTrue();
		assertThat(g.contains(rich, uri(DCT + "accessRights"), uri(Vocabularies.ACCESS_RIGHT_BASE + "PUBLIC"))).isTrue();
		assertThat(g.contains(rich, uri(DCT + "accrualPeriodicity"), uri(Vocabularies.FREQUENCY_BASE + "DAILY"))).isTrue();
		assertThat(g.contains(rich, uri(DCAT + "landingPage"), uri("https://data.example.org/pages/bikes-" + u))).isTrue();
		assertThat(g.contains(rich, uri(DCT + "publisher"), uri(properties.baseUri() + "/opendata/publishers/region")))
			.isTrue();
		Node period = object(g, rich, DCT + "temporal", true);
		assertThat(g.contains(period, uri(DCAT + "startDate"),
				NodeFactory.createLiteralDT("2020-01-01", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate))).isTrue();
		Node contact = object(g, rich, DCAT + "contactPoint", true);
		assertThat(g.contains(contact, uri("http://www.w3.org/2006/vcard/ns#hasEmail"),
				uri("mailto:opendata@mobility.example.org"))).isTrue();
		List<Node> places = new ArrayList<>();
		g.find(rich, uri(DCT + "spatial"), Node.ANY).forEachRemaining(t -> places.add(t.getObject()));
		assertThat(places).contains(uri("https://sws.geonames.org/2800866/"));
		assertThat(places.stream().anyMatch(p -> g.find(p, uri(DCAT + "bbox"), Node.ANY)
			.toList()
			.stream()
			.anyMatch(t -> t.getObject().getLiteralDatatypeURI().equals("http://www.opengis.net/ont/geosparql#wktLiteral")
					&& t.getObject().getLiteralLexicalForm().startsWith("POLYGON ((4.24 50.76"))))
			.as("bbox as a WKT literal").isTrue();
		Node csv = uri(data.rich().uri() + "/csv");
		assertThat(g.contains(rich, uri(DCAT + "distribution"), csv)).isTrue();
		assertThat(g.contains(csv, uri(DCAT + "downloadURL"),
				uri("https://data.example.org/files/bikes-" + u + ".csv?download=1"))).isTrue();
		assertThat(g.contains(csv, uri(DCT + "format"), uri(Vocabularies.FILE_TYPE_BASE + "CSV"))).isTrue();
		assertThat(g.contains(csv, uri(DCAT + "mediaType"),
				uri("http://www.iana.org/assignments/media-types/text/csv"))).isTrue();
		assertThat(g.contains(csv, uri(DCT + "license"), uri(Vocabularies.LICENCE_BASE + "CC0"))).isTrue();
		assertThat(g.contains(csv, uri(DCAT + "byteSize"), NodeFactory.createLiteralDT("123456",
				org.apache.jena.datatypes.xsd.XSDDatatype.XSDnonNegativeInteger))).isTrue();
		Node service = uri(data.service().uri());
		assertThat(g.contains(service, RDF.type.asNode(), uri(DCAT + "DataService"))).isTrue();
		assertThat(g.contains(catalog(), uri(DCAT + "service"), service)).isTrue();
		assertThat(g.contains(service, uri(DCAT + "endpointURL"), uri("https://api.example.org/v1/" + u))).isTrue();
		assertThat(g.contains(service, uri(DCAT + "endpointDescription"),
				uri("https://api.example.org/v1/" + u + "/openapi.json"))).isTrue();
		Node bare = uri(properties.baseUri() + "/opendata/datasets/" + data.serviceWithoutEndpoint().slug());
		assertThat(g.contains(bare, RDF.type.asNode(), uri(DCAT + "Dataset")))
			.as("a service without endpoint is listed as a dataset").isTrue();
		assertThat(g.contains(catalog(), uri(DCT + "publisher"), uri(properties.baseUri() + "/opendata/publishers/region")))
			.isTrue();
		assertThat(g.contains(catalog(), uri(DCAT + "themeTaxonomy"), uri(Vocabularies.THEME_SCHEME))).isTrue();
	}

	private void oddValuesAreRepairedOrLeftOut(Graph g) {
		String u = data.unique();
		Node odd = uri("https://example.org/dataset/odd%20" + u);
		assertThat(g.contains(odd, uri(DCT + "title"), NodeFactory.createLiteralString("Odd harvested title " + u)))
			.as("untagged title").isTrue();
		List<Node> distributions = new ArrayList<>();
		g.find(odd, uri(DCAT + "distribution"), Node.ANY).forEachRemaining(t -> distributions.add(t.getObject()));
		assertThat(distributions).as("the distribution without a usable URL is left out").hasSize(2);
		assertThat(distributions).allMatch(d -> d.getURI().startsWith(properties.baseUri() + "/opendata/datasets/"),
				"an IRI claimed by several distributions is replaced by a minted one");
		assertThat(g.find(Node.ANY, uri(DCAT + "accessURL"),
				uri("https://example.org/files/my%20file%20" + u + ".csv")).hasNext()).as("space encoded").isTrue();
		assertThat(g.find(Node.ANY, uri(DCAT + "accessURL"),
				uri("https://example.org/files/%7Bweird%7D%7C" + u + ".json")).hasNext()).isTrue();
		assertThat(g.contains(odd, uri(DCAT + "landingPage"), Node.ANY)).as("no IRI without scheme").isFalse();
		Node licence = uri("https://opendata.example.org/licences/custom%20licence%20v1");
		assertThat(g.contains(licence, RDF.type.asNode(), uri(DCT + "LicenseDocument"))).isTrue();
		Node publisher = object(g, odd, DCT + "publisher", true);
		assertThat(publisher.getURI()).isEqualTo("https://example.org/org/odd%20publisher%20" + u);
		assertThat(g.contains(publisher, RDF.type.asNode(), uri(FOAF + "Agent"))).isTrue();
		for (Dataset twin : List.of(data.twinA(), data.twinB())) {
			assertThat(g.contains(uri(properties.baseUri() + "/opendata/datasets/" + twin.slug()), RDF.type.asNode(),
					uri(DCAT + "Dataset"))).as("an IRI two datasets claim names neither").isTrue();
		}
		assertThat(g.contains(uri("https://example.org/dataset/twin-" + u), Node.ANY, Node.ANY)).isFalse();
	}

	@Test
	void eachFormatSaysTheSameByAcceptHeaderAndByExtension() throws Exception {
		byte[] turtleBody = fetch(get("/opendata/catalog").header("Accept", "text/turtle"));
		assertThat(new String(turtleBody, java.nio.charset.StandardCharsets.UTF_8))
			.as("@prefix directives, which every Turtle parser reads").startsWith("@prefix ");
		Graph turtle = parse(turtleBody, Lang.TURTLE);
		assertThat(turtle.size()).isGreaterThan(20);
		Map<String, Lang> formats = Map.of("ttl", Lang.TURTLE, "rdf", Lang.RDFXML, "jsonld", Lang.JSONLD, "nt",
				Lang.NTRIPLES);
		Map<String, String> types = Map.of("ttl", "text/turtle", "rdf", "application/rdf+xml", "jsonld",
				"application/ld+json", "nt", "application/n-triples");
		for (Map.Entry<String, Lang> format : formats.entrySet()) {
			MockHttpServletResponse negotiated = response(
					get("/opendata/catalog").header("Accept", types.get(format.getKey()) + ", text/html;q=0.5"));
			assertThat(negotiated.getStatus()).isEqualTo(200);
			assertThat(negotiated.getContentType()).startsWith(types.get(format.getKey()));
			Graph byAccept = parse(negotiated.getContentAsByteArray(), format.getValue());
			MockHttpServletResponse extension = response(get("/opendata/catalog." + format.getKey()));
			assertThat(extension.getContentType()).startsWith(types.get(format.getKey()));
			Graph byExtension = parse(extension.getContentAsByteArray(), format.getValue());
			assertThat(datasets(byAccept)).as(format.getKey()).isEqualTo(datasets(turtle));
			assertThat(byExtension.isIsomorphicWith(byAccept)).as(format.getKey()).isTrue();
			assertConforms(byAccept, "page 1 as " + format.getKey());
		}
		assertThat(response(get("/opendata/catalog").header("Accept", "image/png")).getStatus()).isEqualTo(406);
		assertThat(parse(fetch(get("/opendata/catalog")), Lang.TURTLE).size()).as("no Accept header: Turtle")
			.isEqualTo(turtle.size());
	}

	@Test
	void theWholeCatalogueStreamsAsOneDump() throws Exception {
		for (String format : List.of("nt", "ttl")) {
			MockHttpServletResponse dump = response(get("/opendata/catalog/dump." + format));
			assertThat(dump.getStatus()).isEqualTo(200);
			Graph graph = parse(dump.getContentAsByteArray(), "nt".equals(format) ? Lang.NTRIPLES : Lang.TURTLE);
			assertThat(datasets(graph)).hasSize((int) published())
				.contains(data.rich().uri(), data.service().uri())
				.doesNotContain(properties.baseUri() + "/opendata/datasets/" + data.withdrawn().slug());
			assertConforms(graph, "the dump as " + format);
		}
	}

	@Test
	void pagingParametersAreCheckedAndModifiedSinceFilters() throws Exception {
		assertProblem(get("/opendata/catalog.ttl?page=0"), 400);
		assertProblem(get("/opendata/catalog.ttl?page=abc"), 400);
		assertProblem(get("/opendata/catalog.ttl?page_size=5000"), 400);
		assertProblem(get("/opendata/catalog.ttl?page=100000"), 404);
		assertProblem(get("/opendata/catalog.ttl?modified_since=yesterday"), 400);
		Graph none = parse(fetch(get("/opendata/catalog.ttl?modified_since=2999-01-01")), Lang.TURTLE);
		assertThat(integer(none, catalog(), HYDRA + "totalItems")).isZero();
		assertThat(datasets(none)).isEmpty();
		Graph all = parse(fetch(get("/opendata/catalog.ttl?modified_since=2000-01-01T00:00:00Z&page_size=1000")),
				Lang.TURTLE);
		assertThat(integer(all, catalog(), HYDRA + "totalItems")).isEqualTo(published());
		Node view = NodeFactory.createURI(properties.baseUri()
				+ "/opendata/catalog.ttl?page=1&page_size=1000&modified_since=2000-01-01T00%3A00%3A00Z");
		assertThat(all.contains(view, RDF.type.asNode(), uri(HYDRA + "PartialCollectionView")))
			.as("links keep the filter").isTrue();
	}

	@Test
	void eachDatasetIsAResourceInFourFormats() throws Exception {
		String path = "/opendata/datasets/" + data.rich().slug();
		Map<String, Lang> types = Map.of("text/turtle", Lang.TURTLE, "application/rdf+xml", Lang.RDFXML,
				"application/ld+json", Lang.JSONLD, "application/n-triples", Lang.NTRIPLES);
		Map<String, String> extensions = Map.of("text/turtle", "ttl", "application/rdf+xml", "rdf",
				"application/ld+json", "jsonld", "application/n-triples", "nt");
		Graph first = null;
		for (Map.Entry<String, Lang> type : types.entrySet()) {
			MockHttpServletResponse negotiated = response(get(path).header("Accept", type.getKey()));
			assertThat(negotiated.getStatus()).isEqualTo(200);
			assertThat(negotiated.getContentType()).startsWith(type.getKey());
			Graph graph = parse(negotiated.getContentAsByteArray(), type.getValue());
			assertThat(graph.contains(uri(data.rich().uri()), RDF.type.asNode(), uri(DCAT + "Dataset"))).isTrue();
			Graph byExtension = parse(fetch(get(path + "." + extensions.get(type.getKey()))), type.getValue());
			assertThat(byExtension.isIsomorphicWith(graph)).as(type.getKey()).isTrue();
			if (first == null) {
				first = graph;
			}
			else {
				assertThat(graph.isIsomorphicWith(first)).as("%s says what the others say", type.getKey()).isTrue();
			}
			assertConforms(graph, "the rich dataset as " + type.getKey());
		}
		assertConforms(parse(fetch(get("/opendata/datasets/" + data.odd().slug() + ".ttl")), Lang.TURTLE),
				"the odd dataset");
		assertProblem(get("/opendata/datasets/no-such-dataset-" + data.unique()).header("Accept", "text/turtle"), 404);
		assertProblem(get("/opendata/datasets/no-such-dataset-" + data.unique() + ".nt"), 404);
		assertProblem(get("/opendata/datasets/" + data.withdrawn().slug()).header("Accept", "text/turtle"), 410);
		assertProblem(get("/opendata/datasets/" + data.withdrawn().slug() + ".jsonld"), 410);
	}

	@Test
	void theShapesCatchAViolation() throws Exception {
		String broken = """
				@prefix dcat: <http://www.w3.org/ns/dcat#> .
				@prefix dct: <http://purl.org/dc/terms/> .
				<https://example.org/ds> a dcat:Dataset ;
				    dct:title "A dataset"@en ; dct:description "Its description"@en ;
				    dcat:distribution <https://example.org/dist> .
				<https://example.org/dist> a dcat:Distribution ; dct:format "CSV" .
				""";
		Graph graph = parse(broken.getBytes(java.nio.charset.StandardCharsets.UTF_8), Lang.TURTLE);
		List<ReportEntry> violations = violations(graph);
		assertThat(violations).extracting(e -> e.resultPath() == null ? "" : e.resultPath().toString())
			.anyMatch(p -> p.contains("accessURL"))
			.anyMatch(p -> p.contains("format"));
		Graph fixed = parse((broken.replace("dct:format \"CSV\"", "dcat:accessURL <https://example.org/file.csv>"))
			.getBytes(java.nio.charset.StandardCharsets.UTF_8), Lang.TURTLE);
		assertThat(violations(fixed)).isEmpty();
	}

	// --- helpers

	private long published() {
		Long count = jdbc.queryForObject("select count(*) from opendata_dataset where status = 'PUBLISHED'", Long.class);
		return count == null ? 0 : count;
	}

	static Set<String> datasets(Graph graph) {
		Set<String> subjects = new LinkedHashSet<>();
		graph.find(Node.ANY, uri(DCAT + "dataset"), Node.ANY).forEachRemaining(t -> subjects.add(t.getObject().getURI()));
		graph.find(Node.ANY, uri(DCAT + "service"), Node.ANY).forEachRemaining(t -> subjects.add(t.getObject().getURI()));
		return subjects;
	}

	private Node catalog() {
		return uri(properties.baseUri() + "/opendata/catalog");
	}

	private String local(String link) {
		URI uri = URI.create(link);
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	private byte[] fetch(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = response(request);
		assertThat(response.getStatus()).as("status of %s", request).isEqualTo(200);
		return response.getContentAsByteArray();
	}

	private MockHttpServletResponse response(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	private void assertProblem(MockHttpServletRequestBuilder request, int status) throws Exception {
		MockHttpServletResponse response = response(request.header("Accept-Language", "en"));
		assertThat(response.getStatus()).isEqualTo(status);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.contains("\"status\":" + status).contains("\"detail\":");
	}

	static Graph parse(byte[] body, Lang lang) {
		Graph graph = GraphFactory.createDefaultGraph();
		RDFParser.source(new ByteArrayInputStream(body)).lang(lang).base("http://localhost/").strict(true)
			.parse(graph);
		return graph;
	}

	static Node uri(String iri) {
		return NodeFactory.createURI(iri);
	}

	private static long integer(Graph graph, Node subject, String property) {
		List<Triple> found = graph.find(subject, uri(property), Node.ANY).toList();
		assertThat(found).as("%s of %s", property, subject).hasSize(1);
		return Long.parseLong(found.getFirst().getObject().getLiteralLexicalForm());
	}

	private static String object(Graph graph, Node subject, String property) {
		List<Triple> found = graph.find(subject, uri(property), Node.ANY).toList();
		assertThat(found).as("%s of %s", property, subject).hasSizeLessThanOrEqualTo(1);
		return found.isEmpty() ? null : found.getFirst().getObject().getURI();
	}

	private static Node object(Graph graph, Node subject, String property, boolean required) {
		List<Triple> found = graph.find(subject, uri(property), Node.ANY).toList();
		assertThat(found).as("%s of %s", property, subject).hasSize(1);
		return found.getFirst().getObject();
	}

	/** DCAT-AP 3.0.1: {@code shapes.ttl} (existence, cardinality, literal ranges) and {@code range.ttl} (classes). */
	static Shapes shapes() {
		Graph shapes = GraphFactory.createDefaultGraph();
		for (String file : List.of("shapes.ttl", "range.ttl")) {
			Path path = STANDARDS.resolve(file);
			if (!Files.isRegularFile(path)) {
				fail("The DCAT-AP 3.0.1 shapes are missing: expected %s (relative to the repository root, %s)", path,
						path.toAbsolutePath().normalize());
			}
			RDFParser.source(path).lang(Lang.TURTLE).parse(shapes);
		}
		return Shapes.parse(shapes);
	}

	private static Shapes shapes;

	static synchronized List<ReportEntry> violations(Graph graph) {
		if (shapes == null) {
			shapes = shapes();
		}
		ValidationReport report = ShaclValidator.get().validate(shapes, graph);
		return report.getEntries().stream().filter(e -> Severity.Violation.equals(e.severity())).toList();
	}

	static void assertConforms(Graph graph, String what) {
		List<ReportEntry> violations = violations(graph);
		if (!violations.isEmpty()) {
			StringBuilder message = new StringBuilder(what + ": " + violations.size() + " DCAT-AP violations\n");
			Set<String> seen = new HashSet<>();
			for (ReportEntry entry : violations) {
				String line = entry.focusNode() + " " + entry.resultPath() + " " + entry.value() + ": " + entry.message();
				if (seen.add(line) && seen.size() <= 40) {
					message.append("  ").append(line).append('\n');
				}
			}
			fail(message.toString());
		}
	}

	/** Adds every triple of a graph to another. */
	static final class GraphUtilAdd {

		static void addInto(Graph target, Graph source) {
			source.find().forEachRemaining(target::add);
		}
	}
}
