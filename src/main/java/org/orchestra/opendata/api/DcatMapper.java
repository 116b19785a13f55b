package org.orchestra.opendata.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDF;
import org.jspecify.annotations.Nullable;
import org.orchestra.opendata.Dataset;
import org.orchestra.opendata.DatasetRecord;
import org.orchestra.opendata.Distribution;
import org.orchestra.opendata.Publisher;
import org.orchestra.opendata.Vocabularies;
import org.springframework.context.MessageSource;

/**
 * Writes the catalogue as DCAT-AP 3.0.1 triples into a Jena {@link StreamRDF}, so that one page is a graph and the
 * whole catalogue a stream. Every IRI-valued property points to a node typed with the class the DCAT-AP range shapes
 * expect (themes are {@code skos:Concept}s with labels, licences {@code dct:LicenseDocument}s...), since harvesters
 * validate without the background vocabularies; values a harvested source got wrong are repaired or left out (see
 * {@link RdfValues}), never written broken.
 */
final class DcatMapper {

	static final String DCAT = "http://www.w3.org/ns/dcat#";
	static final String DCT = "http://purl.org/dc/terms/";
	static final String FOAF = "http://xmlns.com/foaf/0.1/";
	static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
	static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
	static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
	static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
	static final String XSD = "http://www.w3.org/2001/XMLSchema#";
	static final String GSP = "http://www.opengis.net/ont/geosparql#";
	static final String PUBLISHER_TYPE = "http://purl.org/adms/publishertype/";

	/** The publisher types of the ADMS vocabulary, which the catalogue can label. */
	static final Set<String> PUBLISHER_TYPES = Set.of("Academia-ScientificOrganisation", "Company",
			"IndustryConsortium", "LocalAuthority", "NationalAuthority", "NonGovernmentalOrganisation",
			"NonProfitOrganisation", "PrivateIndividual(s)", "RegionalAuthority", "StandardisationBody",
			"SupraNationalAuthority");

	/** The licence of the catalogue's own metadata. */
	static final String CATALOGUE_LICENCE = Vocabularies.LICENCE_BASE + "CC0";

	static final List<String> LANGUAGES = List.of("fr", "nl", "en");

	private static final Map<String, String> PREFIXES = Map.ofEntries(Map.entry("dcat", DCAT),
			Map.entry("dct", DCT), Map.entry("foaf", FOAF), Map.entry("vcard", VCARD), Map.entry("skos", SKOS),
			Map.entry("hydra", HYDRA), Map.entry("rdfs", RDFS), Map.entry("xsd", XSD), Map.entry("gsp", GSP),
			Map.entry("rdf", RDF.getURI()));

	private static final RDFDatatype WKT = TypeMapper.getInstance().getSafeTypeByName(GSP + "wktLiteral");

	private static final int DESCRIBED_MAX = 100_000;

	private final String base;
	private final MessageSource messages;

	DcatMapper(String baseUri, MessageSource messages) {
		this.base = baseUri;
		this.messages = messages;
	}

	/**
	 * One output being written: its stream and the shared resources (themes, licences...) already described in it.
	 * Triples wait until the resource being written (the catalogue, a dataset) is complete, then go out grouped by
	 * subject, so that Turtle shows one block per subject.
	 */
	static final class Sink {

		private final StreamRDF out;
		private final Set<String> described = new HashSet<>();
		private final Map<Node, List<Triple>> pending = new LinkedHashMap<>();

		Sink(StreamRDF out) {
			this.out = out;
		}

		/** Sends what waits, subject by subject. */
		void flush() {
			pending.values().forEach(triples -> triples.forEach(out::triple));
			pending.clear();
		}

		/** Whether the resource still has to be described in this output (bounded: a long stream repeats some). */
		boolean first(String key) {
			if (described.size() >= DESCRIBED_MAX) {
				described.clear();
			}
			return described.add(key);
		}

		void add(Node s, String p, Node o) {
			pending.computeIfAbsent(s, k -> new ArrayList<>()).add(Triple.create(s, NodeFactory.createURI(p), o));
		}

		void type(Node s, String type) {
			pending.computeIfAbsent(s, k -> new ArrayList<>())
				.add(Triple.create(s, RDF.type.asNode(), NodeFactory.createURI(type)));
		}
	}

	/** The catalogue's own description beyond its datasets: who publishes it and when it last changed. */
	record CatalogHead(Node publisher, Map<String, String> regionName, @Nullable Instant modified) {
	}

	/** What a dataset became: its subject and whether it is listed as a service. */
	record Described(Node subject, boolean service) {
	}

	static void prefixes(StreamRDF out) {
		new TreeMap<>(PREFIXES).forEach(out::prefix);
	}

	Node catalogNode() {
		return NodeFactory.createURI(base + "/opendata/catalog");
	}

	String datasetIri(String slug) {
		return base + "/opendata/datasets/" + slug;
	}

	/** The catalogue resource: titles, description, publisher, languages, licence, homepage, themes. */
	void catalog(Sink sink, CatalogHead head) {
		Node catalog = catalogNode();
		sink.type(catalog, DCAT + "Catalog");
		for (String language : LANGUAGES) {
			String region = head.regionName().getOrDefault(language, head.regionName().getOrDefault("fr", ""));
			Locale locale = Locale.of(language);
			sink.add(catalog, DCT + "title",
					literal(messages.getMessage("opendata.dcat.catalog.title", new Object[] { region }, locale), language));
			sink.add(catalog, DCT + "description", literal(
					messages.getMessage("opendata.dcat.catalog.description", new Object[] { region }, locale), language));
			Node languageNode = NodeFactory.createURI(Vocabularies.languageIri(language));
			sink.add(catalog, DCT + "language", languageNode);
			describe(sink, languageNode, DCT + "LinguisticSystem");
		}
		sink.add(catalog, DCT + "publisher", head.publisher());
		Node licence = NodeFactory.createURI(CATALOGUE_LICENCE);
		sink.add(catalog, DCT + "license", licence);
		describe(sink, licence, DCT + "LicenseDocument");
		Node homepage = NodeFactory.createURI(base + "/opendata");
		sink.add(catalog, FOAF + "homepage", homepage);
		describe(sink, homepage, FOAF + "Document");
		if (head.modified() != null) {
			sink.add(catalog, DCT + "modified", dateTime(head.modified()));
		}
		Node scheme = NodeFactory.createURI(Vocabularies.THEME_SCHEME);
		sink.add(catalog, DCAT + "themeTaxonomy", scheme);
		themeScheme(sink);
		sink.flush();
	}

	/** Links a dataset or service to the catalogue, then sends the dataset's triples. */
	void listed(Sink sink, Described described) {
		sink.add(catalogNode(), described.service() ? DCAT + "service" : DCAT + "dataset", described.subject());
		sink.flush();
	}

	/** The node of a publisher, described in the output on first use: a {@code foaf:Agent} with its names. */
	Node publisher(Sink sink, Publisher publisher) {
		Node node = publisherNode(publisher.id(), publisher.organisationId() == null ? publisher.uri() : null);
		if (!sink.first("publisher " + node.getURI())) {
			return node;
		}
		sink.type(node, FOAF + "Agent");
		boolean named = false;
		for (Map.Entry<String, String> name : new TreeMap<>(publisher.name()).entrySet()) {
			Optional<Node> literal = text(name.getValue(), name.getKey());
			if (literal.isPresent()) {
				sink.add(node, FOAF + "name", literal.get());
				named = true;
			}
		}
		if (!named) {
			sink.add(node, FOAF + "name", NodeFactory.createLiteralString(publisher.id()));
		}
		publisherType(sink, node, publisher.type());
		RdfValues.iri(publisher.homepage()).ifPresent(h -> sink.add(node, FOAF + "homepage", uri(h)));
		RdfValues.mailto(publisher.email()).ifPresent(m -> sink.add(node, FOAF + "mbox", uri(m)));
		return node;
	}

	/** A publisher known only by the names of an organisation of the platform (not yet publishing here). */
	Node publisher(Sink sink, String id, Map<String, String> names, String type) {
		Node node = publisherNode(id, null);
		if (sink.first("publisher " + node.getURI())) {
			sink.type(node, FOAF + "Agent");
			names.forEach((language, name) -> text(name, language).ifPresent(n -> sink.add(node, FOAF + "name", n)));
			publisherType(sink, node, type);
		}
		return node;
	}

	private Node publisherNode(String id, @Nullable String externalUri) {
		Optional<String> external = RdfValues.iri(externalUri);
		return uri(external.orElseGet(() -> RdfValues.iri(base + "/opendata/publishers/" + id)
			.orElse(base + "/opendata/publishers/" + Integer.toHexString(id.hashCode()))));
	}

	private void publisherType(Sink sink, Node publisher, @Nullable String type) {
		if (type == null || !type.startsWith(PUBLISHER_TYPE)) {
			return;
		}
		String code = type.substring(PUBLISHER_TYPE.length());
		if (!PUBLISHER_TYPES.contains(code)) {
			return;
		}
		Node concept = uri(type);
		sink.add(publisher, DCT + "type", concept);
		if (sink.first("concept " + type)) {
			sink.type(concept, SKOS + "Concept");
			labels(sink, concept, "opendata.dcat.publisher-type." + code);
		}
	}

	/**
	 * The dataset (or data service) with its distributions, contact point, coverage and the shared resources it
	 * points to.
	 *
	 * @param shared IRIs that several datasets or distributions claim: minted IRIs name those instead
	 */
	Described dataset(Sink sink, Dataset dataset, @Nullable Publisher publisher, Set<String> shared) {
		Node subject = subject(dataset, shared);
		Optional<String> endpoint = RdfValues.iri(dataset.endpointUrl());
		if (endpoint.isEmpty()) {
			endpoint = dataset.distributions().stream().map(d -> RdfValues.iri(d.accessUrl())).flatMap(Optional::stream)
				.findFirst();
		}
		boolean service = dataset.kind() == DatasetRecord.Kind.SERVICE && endpoint.isPresent();
		sink.type(subject, service ? DCAT + "DataService" : DCAT + "Dataset");

		boolean titled = texts(sink, subject, DCT + "title", dataset.title());
		if (!titled) {
			sink.add(subject, DCT + "title", NodeFactory.createLiteralString(
					RdfValues.text(dataset.identifier()).orElse(dataset.slug())));
		}
		boolean described = texts(sink, subject, DCT + "description", dataset.description());
		if (!described && !service) {
			texts(sink, subject, DCT + "description", titled ? dataset.title() : Map.of("", dataset.slug()));
		}
		sink.add(subject, DCT + "identifier", NodeFactory.createLiteralString(
				RdfValues.text(dataset.identifier()).orElse(subject.getURI())));

		Set<String> keywords = new LinkedHashSet<>();
		dataset.keywords().forEach(k -> RdfValues.text(k).ifPresent(keywords::add));
		keywords.forEach(k -> sink.add(subject, DCAT + "keyword", NodeFactory.createLiteralString(k)));
		for (String theme : new LinkedHashSet<>(dataset.themes())) {
			Vocabularies.theme(theme).ifPresent(code -> sink.add(subject, DCAT + "theme", theme(sink, code)));
		}
		for (String language : new LinkedHashSet<>(dataset.languages())) {
			Vocabularies.language(language)
				.flatMap(code -> RdfValues.iri(Vocabularies.languageIri(code)))
				.ifPresent(iri -> sink.add(subject, DCT + "language", described(sink, iri, DCT + "LinguisticSystem")));
		}
		if (publisher != null) {
			sink.add(subject, DCT + "publisher", publisher(sink, publisher));
		}
		contactPoint(sink, subject, dataset.contactName(), dataset.contactEmail());
		temporal(sink, subject, dataset.temporalStart(), dataset.temporalEnd());
		spatial(sink, subject, dataset.spatialUri(), dataset.bbox());
		RdfValues.iri(dataset.landingPage())
			.ifPresent(page -> sink.add(subject, DCAT + "landingPage", described(sink, page, FOAF + "Document")));
		if (dataset.issued() != null) {
			sink.add(subject, DCT + "issued", dateTime(dataset.issued()));
		}
		if (dataset.modified() != null) {
			sink.add(subject, DCT + "modified", dateTime(dataset.modified()));
		}
		accessRights(sink, subject, dataset.accessRights());
		Optional<String> licence = licence(dataset.licence());
		if (service) {
			sink.add(subject, DCAT + "endpointURL", uri(endpoint.get()));
			RdfValues.iri(dataset.endpointDescription())
				.ifPresent(d -> sink.add(subject, DCAT + "endpointDescription", uri(d)));
			licence.ifPresent(l -> sink.add(subject, DCT + "license", described(sink, l, DCT + "LicenseDocument")));
		}
		else {
			frequency(sink, subject, dataset.accrualPeriodicity());
			Set<String> used = new HashSet<>();
			used.add(subject.getURI());
			for (Distribution distribution : dataset.distributions()) {
				distribution(sink, subject, dataset, distribution, licence, shared, used);
			}
		}
		return new Described(subject, service);
	}

	/** The dataset's IRI: the one its source gave when it is valid and its own, else one minted here. */
	Node subject(Dataset dataset, Set<String> shared) {
		String given = dataset.uri();
		Optional<String> iri = given == null || shared.contains(given) ? Optional.empty() : RdfValues.iri(given);
		return uri(iri.filter(i -> !i.equals(catalogNode().getURI())).orElseGet(() -> datasetIri(dataset.slug())));
	}

	private void distribution(Sink sink, Node dataset, Dataset owner, Distribution distribution,
			Optional<String> datasetLicence, Set<String> shared, Set<String> used) {
		Optional<String> access = RdfValues.iri(distribution.accessUrl());
		Optional<String> download = RdfValues.iri(distribution.downloadUrl());
		if (access.isEmpty()) {
			access = download;
		}
		if (access.isEmpty()) {
			return;
		}
		String given = distribution.uri();
		Optional<String> own = given == null || shared.contains(given) ? Optional.empty() : RdfValues.iri(given);
		String iri = own.filter(used::add)
			.orElseGet(() -> datasetIri(owner.slug()) + "/distributions/" + distribution.id());
		used.add(iri);
		Node node = uri(iri);
		sink.add(dataset, DCAT + "distribution", node);
		sink.type(node, DCAT + "Distribution");
		sink.add(node, DCAT + "accessURL", uri(access.get()));
		download.ifPresent(d -> sink.add(node, DCAT + "downloadURL", uri(d)));
		texts(sink, node, DCT + "title", distribution.title());
		texts(sink, node, DCT + "description", distribution.description());
		format(distribution.format())
			.ifPresent(f -> sink.add(node, DCT + "format", described(sink, f, DCT + "MediaTypeOrExtent")));
		RdfValues.mediaType(distribution.mediaType())
			.ifPresent(m -> sink.add(node, DCAT + "mediaType", described(sink, m, DCT + "MediaType")));
		Optional<String> licence = licence(distribution.licence());
		licence.or(() -> datasetLicence)
			.ifPresent(l -> sink.add(node, DCT + "license", described(sink, l, DCT + "LicenseDocument")));
		if (distribution.byteSize() != null && distribution.byteSize() >= 0) {
			sink.add(node, DCAT + "byteSize",
					NodeFactory.createLiteralDT(Long.toString(distribution.byteSize()), XSDDatatype.XSDnonNegativeInteger));
		}
		if (distribution.modified() != null) {
			sink.add(node, DCT + "modified", dateTime(distribution.modified()));
		}
	}

	private void contactPoint(Sink sink, Node subject, @Nullable String name, @Nullable String email) {
		Optional<String> fn = RdfValues.text(name);
		Optional<String> mailto = RdfValues.mailto(email);
		if (fn.isEmpty() && mailto.isEmpty()) {
			return;
		}
		Node contact = NodeFactory.createBlankNode();
		sink.add(subject, DCAT + "contactPoint", contact);
		sink.type(contact, VCARD + "Kind");
		sink.add(contact, VCARD + "fn", NodeFactory.createLiteralString(
				fn.orElseGet(() -> mailto.get().substring("mailto:".length()))));
		mailto.ifPresent(m -> sink.add(contact, VCARD + "hasEmail", uri(m)));
	}

	private void temporal(Sink sink, Node subject, @Nullable LocalDate start, @Nullable LocalDate end) {
		if (start == null && end == null) {
			return;
		}
		Node period = NodeFactory.createBlankNode();
		sink.add(subject, DCT + "temporal", period);
		sink.type(period, DCT + "PeriodOfTime");
		if (start != null) {
			sink.add(period, DCAT + "startDate", date(start));
		}
		if (end != null) {
			sink.add(period, DCAT + "endDate", date(end));
		}
	}

	private void spatial(Sink sink, Node subject, @Nullable String spatialUri, @Nullable String bbox) {
		Optional<String> iri = RdfValues.iri(spatialUri);
		if (iri.isPresent()) {
			sink.add(subject, DCT + "spatial", described(sink, iri.get(), DCT + "Location"));
		}
		else {
			RdfValues.text(spatialUri).ifPresent(name -> {
				Node place = NodeFactory.createBlankNode();
				sink.add(subject, DCT + "spatial", place);
				sink.type(place, DCT + "Location");
				sink.add(place, SKOS + "prefLabel", NodeFactory.createLiteralString(name));
			});
		}
		RdfValues.wkt(bbox).ifPresent(wkt -> {
			Node box = NodeFactory.createBlankNode();
			sink.add(subject, DCT + "spatial", box);
			sink.type(box, DCT + "Location");
			sink.add(box, DCAT + "bbox", NodeFactory.createLiteralDT(wkt, WKT));
		});
	}

	private void accessRights(Sink sink, Node subject, @Nullable String value) {
		Optional<String> iri = vocabulary(value, Vocabularies.ACCESS_RIGHT_BASE);
		if (iri.isPresent()) {
			sink.add(subject, DCT + "accessRights", described(sink, iri.get(), DCT + "RightsStatement"));
			return;
		}
		RdfValues.text(value).ifPresent(text -> {
			Node statement = NodeFactory.createBlankNode();
			sink.add(subject, DCT + "accessRights", statement);
			sink.type(statement, DCT + "RightsStatement");
			sink.add(statement, RDFS + "label", NodeFactory.createLiteralString(text));
		});
	}

	private void frequency(Sink sink, Node subject, @Nullable String value) {
		vocabulary(value, Vocabularies.FREQUENCY_BASE)
			.ifPresent(f -> sink.add(subject, DCT + "accrualPeriodicity", described(sink, f, DCT + "Frequency")));
	}

	/** An IRI as given, or a bare code ({@code PUBLIC}, {@code ANNUAL}) of an EU vocabulary. */
	private static Optional<String> vocabulary(@Nullable String value, String base) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		String code = value.strip();
		if (code.matches("[A-Za-z][A-Za-z0-9_-]{1,40}")) {
			return RdfValues.iri(base + code.toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		return code.contains(":") ? RdfValues.iri(code) : Optional.empty();
	}

	private static Optional<String> licence(@Nullable String value) {
		return Vocabularies.licence(value).flatMap(RdfValues::iri);
	}

	private static Optional<String> format(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		Optional<String> code = Vocabularies.format(value);
		if (code.isPresent() && code.get().matches("[A-Z0-9_]+")) {
			return RdfValues.iri(Vocabularies.FILE_TYPE_BASE + code.get());
		}
		return value.contains(":") ? RdfValues.iri(value) : Optional.empty();
	}

	private Node theme(Sink sink, String code) {
		Node theme = uri(Vocabularies.THEME_BASE + code);
		if (sink.first("theme " + code)) {
			sink.type(theme, SKOS + "Concept");
			labels(sink, theme, "opendata.dcat.theme." + code);
			sink.add(theme, SKOS + "inScheme", uri(Vocabularies.THEME_SCHEME));
			themeScheme(sink);
		}
		return theme;
	}

	private void themeScheme(Sink sink) {
		if (sink.first("scheme")) {
			Node scheme = uri(Vocabularies.THEME_SCHEME);
			sink.type(scheme, SKOS + "ConceptScheme");
			for (String language : LANGUAGES) {
				sink.add(scheme, DCT + "title", literal(
						messages.getMessage("opendata.dcat.theme-scheme", null, Locale.of(language)), language));
			}
		}
	}

	private void labels(Sink sink, Node concept, String key) {
		for (String language : LANGUAGES) {
			sink.add(concept, SKOS + "prefLabel", literal(messages.getMessage(key, null, Locale.of(language)), language));
		}
	}

	/** A shared resource, typed the first time the output meets it. */
	private static Node described(Sink sink, String iri, String type) {
		Node node = uri(iri);
		if (sink.first(type + " " + iri)) {
			sink.type(node, type);
		}
		return node;
	}

	private static void describe(Sink sink, Node node, String type) {
		if (sink.first(type + " " + node.getURI())) {
			sink.type(node, type);
		}
	}

	/** Writes each text with its language tag (none for the empty key or a key that is not a language). */
	private static boolean texts(Sink sink, Node subject, String property, Map<String, String> texts) {
		boolean any = false;
		Set<String> seen = new HashSet<>();
		for (Map.Entry<String, String> text : new TreeMap<>(texts).entrySet()) {
			Optional<Node> literal = text(text.getValue(), text.getKey());
			if (literal.isPresent() && seen.add(literal.get().toString())) {
				sink.add(subject, property, literal.get());
				any = true;
			}
		}
		return any;
	}

	private static Optional<Node> text(@Nullable String value, @Nullable String language) {
		return RdfValues.text(value).map(text -> RdfValues.language(language)
			.map(tag -> NodeFactory.createLiteralLang(text, tag))
			.orElseGet(() -> NodeFactory.createLiteralString(text)));
	}

	private static Node literal(String text, String language) {
		return NodeFactory.createLiteralLang(RdfValues.text(text).orElse(text), language);
	}

	static Node dateTime(Instant instant) {
		return NodeFactory.createLiteralDT(year(instant.toString()), XSDDatatype.XSDdateTime);
	}

	private static Node date(LocalDate date) {
		return NodeFactory.createLiteralDT(year(date.toString()), XSDDatatype.XSDdate);
	}

	/** Java writes years past 9999 with a plus sign, which XML Schema does not allow. */
	private static String year(String lexical) {
		return lexical.startsWith("+") ? lexical.substring(1) : lexical;
	}

	static Node uri(String iri) {
		return NodeFactory.createURI(iri);
	}
}
