package org.orchestra.opendata.harvest;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.jspecify.annotations.Nullable;
import org.orchestra.opendata.DatasetRecord;
import org.orchestra.opendata.DatasetRecord.DistributionRecord;
import org.orchestra.opendata.DatasetRecord.PublisherRecord;
import org.orchestra.opendata.Texts;
import org.orchestra.opendata.Vocabularies;

/**
 * Reads the datasets and data services of one page of a DCAT / DCAT-AP catalogue. Everything that would make the
 * same page read differently twice (blank-node labels, the order of statements) is left out: values are sorted,
 * so that an unchanged source gives records with unchanged hashes.
 */
final class DcatRecords {

	static final String DCAT = "http://www.w3.org/ns/dcat#";
	static final String DCT = "http://purl.org/dc/terms/";
	static final String FOAF = "http://xmlns.com/foaf/0.1/";
	static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
	static final String LOCN = "http://www.w3.org/ns/locn#";
	static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
	static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
	static final String TIME = "http://www.w3.org/2006/time#";
	static final String ADMS = "http://www.w3.org/ns/adms#";

	private static final Resource DATASET = type(DCAT, "Dataset");
	private static final Resource DATASET_SERIES = type(DCAT, "DatasetSeries");
	private static final Resource DATA_SERVICE = type(DCAT, "DataService");

	private static final Property HAS_DATASET = p(DCAT, "dataset");
	private static final Property HAS_SERVICE = p(DCAT, "service");
	private static final Property ACCESS_SERVICE = p(DCAT, "accessService");
	private static final Property DISTRIBUTION = p(DCAT, "distribution");
	private static final Property ACCESS_URL = p(DCAT, "accessURL");
	private static final Property DOWNLOAD_URL = p(DCAT, "downloadURL");
	private static final Property MEDIA_TYPE = p(DCAT, "mediaType");
	private static final Property BYTE_SIZE = p(DCAT, "byteSize");
	private static final Property KEYWORD = p(DCAT, "keyword");
	private static final Property THEME = p(DCAT, "theme");
	private static final Property CONTACT_POINT = p(DCAT, "contactPoint");
	private static final Property LANDING_PAGE = p(DCAT, "landingPage");
	private static final Property ENDPOINT_URL = p(DCAT, "endpointURL");
	private static final Property ENDPOINT_DESCRIPTION = p(DCAT, "endpointDescription");
	private static final Property BBOX = p(DCAT, "bbox");
	private static final Property START_DATE = p(DCAT, "startDate");
	private static final Property END_DATE = p(DCAT, "endDate");

	private static final Property IDENTIFIER = p(DCT, "identifier");
	private static final Property TITLE = p(DCT, "title");
	private static final Property DESCRIPTION = p(DCT, "description");
	private static final Property LANGUAGE = p(DCT, "language");
	private static final Property LICENSE = p(DCT, "license");
	private static final Property ACCESS_RIGHTS = p(DCT, "accessRights");
	private static final Property ACCRUAL_PERIODICITY = p(DCT, "accrualPeriodicity");
	private static final Property TEMPORAL = p(DCT, "temporal");
	private static final Property SPATIAL = p(DCT, "spatial");
	private static final Property ISSUED = p(DCT, "issued");
	private static final Property MODIFIED = p(DCT, "modified");
	private static final Property PUBLISHER = p(DCT, "publisher");
	private static final Property FORMAT = p(DCT, "format");
	private static final Property TYPE = p(DCT, "type");

	private static final Property FOAF_NAME = p(FOAF, "name");
	private static final Property FOAF_HOMEPAGE = p(FOAF, "homepage");
	private static final Property FOAF_MBOX = p(FOAF, "mbox");

	private static final Property VCARD_FN = p(VCARD, "fn");
	private static final Property VCARD_ORGANISATION = p(VCARD, "organization-name");
	private static final Property VCARD_HAS_EMAIL = p(VCARD, "hasEmail");
	private static final Property VCARD_EMAIL = p(VCARD, "email");
	private static final Property VCARD_VALUE = p(VCARD, "value");

	private static final Property LOCN_GEOMETRY = p(LOCN, "geometry");
	private static final Property SKOS_PREF_LABEL = p(SKOS, "prefLabel");
	private static final Property SKOS_NOTATION = p(SKOS, "notation");
	private static final Property RDFS_LABEL = p(RDFS, "label");
	private static final Property RDF_VALUE = RDF.value;

	private static final List<Property> SCHEMA_START = List.of(p("http://schema.org/", "startDate"),
			p("https://schema.org/", "startDate"));
	private static final List<Property> SCHEMA_END = List.of(p("http://schema.org/", "endDate"),
			p("https://schema.org/", "endDate"));
	private static final Property TIME_BEGINNING = p(TIME, "hasBeginning");
	private static final Property TIME_END = p(TIME, "hasEnd");
	private static final List<Property> TIME_INSTANT = List.of(p(TIME, "inXSDDate"), p(TIME, "inXSDDateTimeStamp"),
			p(TIME, "inXSDDateTime"));

	private static final String IANA_MEDIA_TYPES = "://www.iana.org/assignments/media-types/";

	private static final Comparator<DistributionRecord> DISTRIBUTION_ORDER = Comparator
		.comparing(DistributionRecord::accessUrl)
		.thenComparing(d -> String.valueOf(d.downloadUrl()))
		.thenComparing(d -> String.valueOf(d.format()))
		.thenComparing(d -> String.valueOf(d.uri()))
		.thenComparing(d -> new TreeMap<>(d.title()).toString())
		.thenComparing(d -> new TreeMap<>(d.description()).toString())
		.thenComparing(d -> String.valueOf(d.licence()))
		.thenComparing(d -> String.valueOf(d.mediaType()));

	private DcatRecords() {
	}

	/** What a page held: the records read, and the ones that could not be. */
	record Page(List<DatasetRecord> records, List<RecordFailure> failures) {
	}

	/** Reads every dataset and data service of a page; records whose id is in {@code seen} are left out. */
	static Page read(Model model, Set<String> seen) {
		Map<Resource, DatasetRecord.Kind> entries = new LinkedHashMap<>();
		for (Resource dataset : subjectsOfType(model, DATASET, DATASET_SERIES)) {
			entries.put(dataset, DatasetRecord.Kind.DATASET);
		}
		model.listObjectsOfProperty(HAS_DATASET)
			.filterKeep(RDFNode::isResource)
			.forEach(n -> entries.putIfAbsent(n.asResource(), DatasetRecord.Kind.DATASET));
		for (Resource service : subjectsOfType(model, DATA_SERVICE)) {
			boolean onlyDescribesAnAccess = service.isAnon() && model.contains(null, ACCESS_SERVICE, service)
					&& !model.contains(null, HAS_SERVICE, service);
			if (!onlyDescribesAnAccess) {
				entries.put(service, DatasetRecord.Kind.SERVICE);
			}
		}
		model.listObjectsOfProperty(HAS_SERVICE)
			.filterKeep(RDFNode::isResource)
			.forEach(n -> entries.put(n.asResource(), DatasetRecord.Kind.SERVICE));

		List<DatasetRecord> records = new ArrayList<>();
		List<RecordFailure> failures = new ArrayList<>();
		for (Map.Entry<Resource, DatasetRecord.Kind> entry : entries.entrySet()) {
			Resource resource = entry.getKey();
			DatasetRecord.Kind kind = entry.getValue();
			String what = kind == DatasetRecord.Kind.SERVICE ? "data service" : "dataset";
			String identifier = identifier(resource);
			String recordId = resource.isURIResource() ? resource.getURI() : identifier;
			Map<String, String> title = texts(resource, TITLE);
			if (recordId == null) {
				String named = title.isEmpty() ? "" : " (" + Texts.pick(title, "fr") + ")";
				failures.add(new RecordFailure(null, what + " without IRI or identifier" + named));
				continue;
			}
			if (!seen.add(recordId)) {
				continue;
			}
			if (title.isEmpty()) {
				failures.add(new RecordFailure(recordId, what + " without title"));
				continue;
			}
			try {
				records.add(record(resource, kind, recordId, identifier, title));
			}
			catch (RuntimeException e) {
				failures.add(new RecordFailure(recordId, what + " could not be read: " + e.getMessage()));
			}
		}
		records.sort(Comparator.comparing(DatasetRecord::recordId));
		failures.sort(Comparator.comparing((RecordFailure f) -> String.valueOf(f.recordId()))
			.thenComparing(RecordFailure::reason));
		return new Page(records, failures);
	}

	private static DatasetRecord record(Resource resource, DatasetRecord.Kind kind, String recordId,
			@Nullable String identifier, Map<String, String> title) {
		List<DistributionRecord> distributions = new ArrayList<>();
		for (Resource d : resources(resource, DISTRIBUTION)) {
			DistributionRecord distribution = distribution(d);
			if (distribution != null) {
				distributions.add(distribution);
			}
		}
		distributions.sort(DISTRIBUTION_ORDER);
		List<DistributionRecord> unique = List.copyOf(new LinkedHashSet<>(distributions));

		String licence = licence(resource.listProperties(LICENSE).mapWith(Statement::getObject).toList());
		if (licence == null) {
			licence = unique.stream().map(DistributionRecord::licence).filter(l -> l != null).sorted().findFirst()
				.orElse(null);
		}
		Period period = period(resource);
		Spatial spatial = spatial(resource);
		Contact contact = contact(resource);
		return new DatasetRecord(recordId, kind, resource.isURIResource() ? resource.getURI() : null, identifier,
				title, texts(resource, DESCRIPTION), keywords(resource), themes(resource), languages(resource),
				licence, concept(resource, ACCESS_RIGHTS), concept(resource, ACCRUAL_PERIODICITY), period.start(),
				period.end(), spatial.uri(), spatial.bbox(), contact.name(), contact.email(),
				link(resource, LANDING_PAGE), date(resource, ISSUED), date(resource, MODIFIED), publisher(resource),
				unique, link(resource, ENDPOINT_URL), link(resource, ENDPOINT_DESCRIPTION));
	}

	private static @Nullable DistributionRecord distribution(Resource d) {
		String accessUrl = link(d, ACCESS_URL);
		if (accessUrl == null) {
			return null;
		}
		String downloadUrl = link(d, DOWNLOAD_URL);
		String mediaType = mediaType(d);
		String format = format(d, mediaType, downloadUrl, accessUrl);
		return new DistributionRecord(d.isURIResource() ? d.getURI() : null, texts(d, TITLE), texts(d, DESCRIPTION),
				accessUrl, downloadUrl, format, mediaType,
				licence(d.listProperties(LICENSE).mapWith(Statement::getObject).toList()), byteSize(d),
				date(d, MODIFIED));
	}

	/** The distribution's EU file type: its format, else its media type, else the extension of its URLs. */
	private static @Nullable String format(Resource d, @Nullable String mediaType, @Nullable String downloadUrl,
			String accessUrl) {
		String raw = null;
		for (RDFNode node : sorted(d.listProperties(FORMAT).mapWith(Statement::getObject).toList())) {
			for (String candidate : conceptNames(node)) {
				String name = candidate.contains(IANA_MEDIA_TYPES)
						? candidate.substring(candidate.indexOf(IANA_MEDIA_TYPES) + IANA_MEDIA_TYPES.length())
						: candidate;
				Optional<String> code = Vocabularies.format(euIri(name))
					.or(() -> Vocabularies.format(lastSegment(name)));
				if (code.isPresent()) {
					return code.get();
				}
				if (raw == null && !node.isURIResource() && name.length() <= 100) {
					raw = name;
				}
			}
		}
		return Vocabularies.format(mediaType)
			.or(() -> Vocabularies.formatOfUrl(downloadUrl))
			.or(() -> Vocabularies.formatOfUrl(accessUrl))
			.orElse(raw);
	}

	private static @Nullable String mediaType(Resource d) {
		for (RDFNode node : sorted(d.listProperties(MEDIA_TYPE).mapWith(Statement::getObject).toList())) {
			String value = node.isURIResource() ? node.asResource().getURI()
					: node.isLiteral() ? node.asLiteral().getLexicalForm().strip() : firstLabel(node.asResource());
			if (value == null || value.isBlank()) {
				continue;
			}
			if (value.contains(IANA_MEDIA_TYPES)) {
				value = value.substring(value.indexOf(IANA_MEDIA_TYPES) + IANA_MEDIA_TYPES.length());
			}
			return value.length() <= 200 ? value.toLowerCase(Locale.ROOT) : null;
		}
		return null;
	}

	private static @Nullable Long byteSize(Resource d) {
		for (Literal literal : literals(d, BYTE_SIZE)) {
			try {
				return new BigDecimal(literal.getLexicalForm().strip()).longValueExact();
			}
			catch (ArithmeticException | NumberFormatException e) {
				// not a whole number of bytes: look at the next one
			}
		}
		return null;
	}

	// ---- identity, texts, keywords -------------------------------------------------------------------------------

	private static @Nullable String identifier(Resource resource) {
		for (RDFNode node : sorted(resource.listProperties(IDENTIFIER).mapWith(Statement::getObject).toList())) {
			String value = node.isLiteral() ? node.asLiteral().getLexicalForm().strip()
					: node.isURIResource() ? node.asResource().getURI()
							: first(node.asResource(), SKOS_NOTATION, RDF_VALUE);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	/**
	 * The texts of a property by language: the primary subtag of the literal's language ({@code fr-BE} →
	 * {@code fr}), the empty key for untagged text; one text per language, an exact tag winning over a longer one.
	 */
	static Map<String, String> texts(Resource resource, Property property) {
		List<Literal> literals = literals(resource, property);
		literals.sort(Comparator.comparing((Literal l) -> l.getLanguage().length())
			.thenComparing(l -> l.getLanguage().toLowerCase(Locale.ROOT))
			.thenComparing(Literal::getLexicalForm));
		Map<String, String> texts = new LinkedHashMap<>();
		for (Literal literal : literals) {
			String text = literal.getLexicalForm().strip();
			if (!text.isEmpty()) {
				texts.putIfAbsent(languageKey(literal.getLanguage()), text);
			}
		}
		return texts;
	}

	private static String languageKey(String tag) {
		if (tag == null || tag.isBlank()) {
			return "";
		}
		int dash = tag.indexOf('-');
		return (dash > 0 ? tag.substring(0, dash) : tag).toLowerCase(Locale.ROOT);
	}

	private static List<String> keywords(Resource resource) {
		Set<String> keywords = new TreeSet<>(Comparator.comparing(Texts::fold).thenComparing(Function.identity()));
		for (Literal literal : literals(resource, KEYWORD)) {
			String keyword = literal.getLexicalForm().strip();
			if (!keyword.isEmpty()) {
				keywords.add(keyword);
			}
		}
		return List.copyOf(keywords);
	}

	// ---- controlled vocabularies ---------------------------------------------------------------------------------

	private static List<String> themes(Resource resource) {
		Set<String> themes = new TreeSet<>();
		for (RDFNode node : resource.listProperties(THEME).mapWith(Statement::getObject).toList()) {
			for (String name : conceptNames(node)) {
				Optional<String> code = Vocabularies.theme(euIri(name));
				if (code.isEmpty() && node.isURIResource() && name.equals(node.asResource().getURI())) {
					code = Vocabularies.theme(lastSegment(name));
				}
				if (code.isPresent()) {
					themes.add(code.get());
					break;
				}
			}
		}
		return List.copyOf(themes);
	}

	private static List<String> languages(Resource resource) {
		Set<String> languages = new TreeSet<>();
		for (RDFNode node : resource.listProperties(LANGUAGE).mapWith(Statement::getObject).toList()) {
			for (String name : conceptNames(node)) {
				String value = euIri(name);
				Optional<String> code = value.startsWith(Vocabularies.LANGUAGE_BASE) ? Vocabularies.language(value)
						: Vocabularies.language(lastSegment(value));
				if (code.isPresent()) {
					languages.add(code.get());
					break;
				}
			}
		}
		return List.copyOf(languages);
	}

	/**
	 * The licence in the EU vocabulary when it can be recognised (IRI, label or identifier), else its IRI; of
	 * several, the first in order.
	 */
	private static @Nullable String licence(List<RDFNode> nodes) {
		Set<String> known = new TreeSet<>();
		Set<String> other = new TreeSet<>();
		for (RDFNode node : nodes) {
			for (String name : conceptNames(node)) {
				Optional<String> licence = Vocabularies.licence(euIri(name));
				if (licence.isPresent() && licence.get().startsWith(Vocabularies.LICENCE_BASE)) {
					known.add(licence.get());
					break;
				}
				if (licence.isPresent() && licence.get().length() <= 600) {
					other.add(licence.get());
				}
			}
		}
		return !known.isEmpty() ? known.iterator().next() : other.isEmpty() ? null : other.iterator().next();
	}

	/** An IRI (EU vocabularies in their {@code http} form), else a literal or a label; of several, the first in order. */
	private static @Nullable String concept(Resource resource, Property property) {
		Set<String> values = new TreeSet<>(Comparator.comparing((String v) -> v.contains("://") ? 0 : 1)
			.thenComparing(Function.identity()));
		for (RDFNode node : resource.listProperties(property).mapWith(Statement::getObject).toList()) {
			List<String> names = conceptNames(node);
			if (!names.isEmpty() && names.getFirst().length() <= 600) {
				values.add(euIri(names.getFirst()));
			}
		}
		return values.isEmpty() ? null : values.iterator().next();
	}

	/**
	 * The names a concept goes by, the most precise first: its IRI, then its labels, notation and identifier (in
	 * the page), or a literal's text.
	 */
	private static List<String> conceptNames(RDFNode node) {
		List<String> names = new ArrayList<>();
		if (node.isLiteral()) {
			String text = node.asLiteral().getLexicalForm().strip();
			if (!text.isEmpty()) {
				names.add(text);
			}
			return names;
		}
		Resource resource = node.asResource();
		if (resource.isURIResource()) {
			names.add(resource.getURI());
		}
		for (Property property : List.of(SKOS_PREF_LABEL, RDFS_LABEL, TITLE, SKOS_NOTATION, IDENTIFIER, RDF_VALUE)) {
			for (Literal literal : literals(resource, property)) {
				String text = literal.getLexicalForm().strip();
				if (!text.isEmpty() && !names.contains(text)) {
					names.add(text);
				}
			}
		}
		return names;
	}

	/** The EU vocabularies' IRIs are {@code http}; some sources write them {@code https}. */
	private static String euIri(String value) {
		return value.startsWith("https://publications.europa.eu/resource/authority/")
				? "http://" + value.substring("https://".length()) : value;
	}

	private static String lastSegment(String iri) {
		String trimmed = iri.replaceAll("[/#]+$", "");
		int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#'));
		return cut >= 0 ? trimmed.substring(cut + 1) : trimmed;
	}

	// ---- time and space ------------------------------------------------------------------------------------------

	private record Period(@Nullable LocalDate start, @Nullable LocalDate end) {
	}

	/** The coverage of all the dataset's periods together. */
	private static Period period(Resource resource) {
		LocalDate start = null;
		LocalDate end = null;
		for (Resource period : resources(resource, TEMPORAL)) {
			LocalDate from = periodDate(period, START_DATE, SCHEMA_START, TIME_BEGINNING, false);
			LocalDate to = periodDate(period, END_DATE, SCHEMA_END, TIME_END, true);
			if (from != null && (start == null || from.isBefore(start))) {
				start = from;
			}
			if (to != null && (end == null || to.isAfter(end))) {
				end = to;
			}
		}
		return new Period(start, end);
	}

	private static @Nullable LocalDate periodDate(Resource period, Property dcat, List<Property> schema,
			Property time, boolean end) {
		List<Literal> values = new ArrayList<>(literals(period, dcat));
		for (Property property : schema) {
			values.addAll(literals(period, property));
		}
		for (Resource instant : resources(period, time)) {
			for (Property property : TIME_INSTANT) {
				values.addAll(literals(instant, property));
			}
		}
		return values.stream()
			.map(l -> LooseDates.date(l.getLexicalForm(), end))
			.filter(d -> d != null)
			.sorted(end ? Comparator.reverseOrder() : Comparator.naturalOrder())
			.findFirst()
			.orElse(null);
	}

	private record Spatial(@Nullable String uri, @Nullable String bbox) {
	}

	/** The first IRI of the dataset's places, and the box around all the geometries it gives. */
	private static Spatial spatial(Resource resource) {
		Set<String> uris = new TreeSet<>();
		List<BoundingBoxes.Box> boxes = new ArrayList<>();
		Set<String> unread = new TreeSet<>();
		for (RDFNode node : resource.listProperties(SPATIAL).mapWith(Statement::getObject).toList()) {
			List<Literal> geometries = new ArrayList<>();
			if (node.isLiteral()) {
				geometries.add(node.asLiteral());
			}
			else {
				Resource place = node.asResource();
				if (place.isURIResource()) {
					uris.add(place.getURI());
				}
				geometries.addAll(literals(place, BBOX));
				for (RDFNode geometry : place.listProperties(LOCN_GEOMETRY).mapWith(Statement::getObject).toList()) {
					if (geometry.isLiteral()) {
						geometries.add(geometry.asLiteral());
					}
				}
			}
			for (Literal geometry : geometries) {
				BoundingBoxes.Box box = BoundingBoxes.of(geometry.getLexicalForm());
				if (box != null) {
					boxes.add(box);
				}
				else if (!geometry.getLexicalForm().isBlank()) {
					unread.add(geometry.getLexicalForm().strip());
				}
			}
		}
		String uri = uris.stream().filter(u -> u.length() <= 600).findFirst().orElse(null);
		BoundingBoxes.Box box = BoundingBoxes.union(boxes);
		String bbox = box != null ? box.text()
				: unread.stream().filter(t -> t.length() <= BoundingBoxes.MAX_TEXT).findFirst().orElse(null);
		return new Spatial(uri, bbox);
	}

	// ---- agents --------------------------------------------------------------------------------------------------

	private record Contact(@Nullable String name, @Nullable String email) {
	}

	private static Contact contact(Resource resource) {
		List<Contact> contacts = new ArrayList<>();
		for (Resource point : resources(resource, CONTACT_POINT)) {
			Map<String, String> names = texts(point, VCARD_FN);
			if (names.isEmpty()) {
				names = texts(point, VCARD_ORGANISATION);
			}
			String name = names.isEmpty() ? null : Texts.pick(names, "fr");
			String email = email(point, VCARD_HAS_EMAIL);
			if (email == null) {
				email = email(point, VCARD_EMAIL);
			}
			if (name != null || email != null) {
				contacts.add(new Contact(name, email));
			}
		}
		return contacts.stream()
			.min(Comparator.comparing((Contact c) -> String.valueOf(c.name())).thenComparing(c -> String.valueOf(c.email())))
			.orElse(new Contact(null, null));
	}

	private static @Nullable String email(Resource resource, Property property) {
		for (RDFNode node : sorted(resource.listProperties(property).mapWith(Statement::getObject).toList())) {
			String value = node.isURIResource() ? node.asResource().getURI()
					: node.isLiteral() ? node.asLiteral().getLexicalForm()
							: first(node.asResource(), VCARD_VALUE);
			String email = mailbox(value);
			if (email != null) {
				return email;
			}
		}
		return null;
	}

	/** An e-mail address without its {@code mailto:} and query. */
	static @Nullable String mailbox(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String email = value.strip();
		if (email.regionMatches(true, 0, "mailto:", 0, 7)) {
			email = email.substring(7);
		}
		int query = email.indexOf('?');
		if (query >= 0) {
			email = email.substring(0, query);
		}
		try {
			email = URLDecoder.decode(email.replace("+", "%2B"), StandardCharsets.UTF_8).strip();
		}
		catch (IllegalArgumentException e) {
			email = email.strip();
		}
		return email.isEmpty() || email.length() > 320 ? null : email;
	}

	private static @Nullable PublisherRecord publisher(Resource resource) {
		List<PublisherRecord> publishers = new ArrayList<>();
		for (RDFNode node : resource.listProperties(PUBLISHER).mapWith(Statement::getObject).toList()) {
			if (node.isLiteral()) {
				String name = node.asLiteral().getLexicalForm().strip();
				if (!name.isEmpty()) {
					publishers.add(new PublisherRecord(null, Map.of(languageKey(node.asLiteral().getLanguage()), name),
							null, null, null));
				}
				continue;
			}
			Resource agent = node.asResource();
			Map<String, String> name = texts(agent, FOAF_NAME);
			for (Property alternative : List.of(VCARD_FN, VCARD_ORGANISATION, SKOS_PREF_LABEL, RDFS_LABEL)) {
				if (name.isEmpty()) {
					name = texts(agent, alternative);
				}
			}
			String uri = agent.isURIResource() && agent.getURI().length() <= 600 ? agent.getURI() : null;
			if (uri == null && name.isEmpty()) {
				continue;
			}
			String type = concept(agent, TYPE);
			publishers.add(new PublisherRecord(uri, name, type != null && type.length() <= 200 ? type : null,
					link(agent, FOAF_HOMEPAGE), email(agent, FOAF_MBOX)));
		}
		return publishers.stream()
			.min(Comparator.comparing((PublisherRecord p) -> p.uri() == null ? 1 : 0)
				.thenComparing(p -> String.valueOf(p.uri()))
				.thenComparing(p -> new TreeMap<>(p.name()).toString()))
			.orElse(null);
	}

	// ---- plumbing ------------------------------------------------------------------------------------------------

	/** An IRI or a literal that holds one (the first in order). */
	private static @Nullable String link(Resource resource, Property property) {
		for (RDFNode node : sorted(resource.listProperties(property).mapWith(Statement::getObject).toList())) {
			String value = node.isURIResource() ? node.asResource().getURI()
					: node.isLiteral() ? node.asLiteral().getLexicalForm().strip() : null;
			if (value != null && !value.isEmpty() && value.length() <= 2000) {
				return value;
			}
		}
		return null;
	}

	private static @Nullable Instant date(Resource resource, Property property) {
		return literals(resource, property).stream()
			.map(l -> LooseDates.instant(l.getLexicalForm()))
			.filter(i -> i != null)
			.sorted()
			.findFirst()
			.orElse(null);
	}

	private static @Nullable String first(Resource resource, Property... properties) {
		for (Property property : properties) {
			for (Literal literal : literals(resource, property)) {
				String text = literal.getLexicalForm().strip();
				if (!text.isEmpty()) {
					return text;
				}
			}
		}
		return null;
	}

	private static @Nullable String firstLabel(Resource resource) {
		return first(resource, RDFS_LABEL, SKOS_PREF_LABEL, TITLE, RDF_VALUE);
	}

	/** The literal values of a property, in a stable order. */
	private static List<Literal> literals(Resource resource, Property property) {
		List<Literal> literals = new ArrayList<>();
		resource.listProperties(property).forEach(s -> {
			if (s.getObject().isLiteral()) {
				literals.add(s.getLiteral());
			}
		});
		literals.sort(Comparator.comparing(Literal::getLexicalForm).thenComparing(Literal::getLanguage));
		return literals;
	}

	/** The resource values of a property (blank nodes last, in no meaningful order). */
	private static List<Resource> resources(Resource resource, Property property) {
		List<Resource> resources = new ArrayList<>();
		resource.listProperties(property).forEach(s -> {
			if (s.getObject().isResource()) {
				resources.add(s.getObject().asResource());
			}
		});
		return resources;
	}

	/** IRIs first (in order), then literals (in order), then blank nodes. */
	private static List<RDFNode> sorted(List<RDFNode> nodes) {
		List<RDFNode> copy = new ArrayList<>(nodes);
		copy.sort(Comparator.comparing((RDFNode n) -> n.isURIResource() ? 0 : n.isLiteral() ? 1 : 2)
			.thenComparing(n -> n.isAnon() ? "" : n.toString()));
		return copy;
	}

	private static List<Resource> subjectsOfType(Model model, Resource... types) {
		List<Resource> subjects = new ArrayList<>();
		for (Resource type : types) {
			model.listSubjectsWithProperty(RDF.type, type).forEachRemaining(subjects::add);
		}
		return subjects;
	}

	private static Property p(String namespace, String local) {
		return ResourceFactory.createProperty(namespace, local);
	}

	private static Resource type(String namespace, String local) {
		return ResourceFactory.createResource(namespace + local);
	}
}
