package org.orchestra.opendata.harvest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.jspecify.annotations.Nullable;
import org.orchestra.opendata.DatasetRecord;
import org.orchestra.opendata.DatasetRecord.DistributionRecord;
import org.orchestra.opendata.DatasetRecord.PublisherRecord;
import org.orchestra.opendata.Texts;
import org.orchestra.opendata.Vocabularies;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Maps ISO 19139 metadata ({@code gmd:MD_Metadata}) to a catalogue record the way GeoDCAT-AP does: the file
 * identifier identifies it, the citation gives title and dates, the free-text translations give the other
 * languages, the topic categories give the EU themes, the constraints the licence, the online resources the
 * distributions. One instance per harvest run (compiled XPath expressions are not thread-safe).
 */
final class IsoRecords {

	static final String GMD = "http://www.isotc211.org/2005/gmd";
	static final String GCO = "http://www.isotc211.org/2005/gco";
	static final String GMX = "http://www.isotc211.org/2005/gmx";
	static final String SRV = "http://www.isotc211.org/2005/srv";
	static final String XLINK = "http://www.w3.org/1999/xlink";

	private static final Map<String, String> NAMESPACES = Map.of("gmd", GMD, "gco", GCO, "gmx", GMX, "srv", SRV,
			"xlink", XLINK);

	private static final String INSPIRE_CODE_LISTS = "inspire.ec.europa.eu/metadata-codelist/";

	private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>()]+");

	/** ISO 19115 maintenance frequencies and their EU frequency codes. */
	private static final Map<String, String> FREQUENCIES = Map.ofEntries(Map.entry("continual", "CONT"),
			Map.entry("daily", "DAILY"), Map.entry("weekly", "WEEKLY"), Map.entry("fortnightly", "BIWEEKLY"),
			Map.entry("monthly", "MONTHLY"), Map.entry("quarterly", "QUARTERLY"), Map.entry("biannually", "ANNUAL_2"),
			Map.entry("annually", "ANNUAL"), Map.entry("asneeded", "IRREG"), Map.entry("irregular", "IRREG"),
			Map.entry("notplanned", "NEVER"), Map.entry("unknown", "UNKNOWN"));

	private final XPath xpath;
	private final Map<String, XPathExpression> compiled = new HashMap<>();
	private final DocumentBuilder builder = SafeXml.builder();

	IsoRecords() {
		xpath = XPathFactory.newDefaultInstance().newXPath();
		xpath.setNamespaceContext(new NamespaceContext() {
			@Override
			public String getNamespaceURI(String prefix) {
				return NAMESPACES.getOrDefault(prefix, "");
			}

			@Override
			public @Nullable String getPrefix(String namespaceURI) {
				return null;
			}

			@Override
			public Iterator<String> getPrefixes(String namespaceURI) {
				return List.<String>of().iterator();
			}
		});
	}

	/** A record read, or the reason it could not be. */
	sealed interface Result {
	}

	record Read(DatasetRecord record) implements Result {
	}

	record Failed(RecordFailure failure) implements Result {
	}

	/** Reads one {@code gmd:MD_Metadata} element (copied into a document of its own, so that XPath stays fast). */
	Result read(Element metadata) {
		Document alone = builder.newDocument();
		Element md = (Element) alone.importNode(metadata, true);
		alone.appendChild(md);

		String fileIdentifier = text(md, "gmd:fileIdentifier");
		Locales locales = locales(md);
		Element identification = element(md, "gmd:identificationInfo/*");
		boolean service = "service".equalsIgnoreCase(attribute(md, "gmd:hierarchyLevel/gmd:MD_ScopeCode",
				"codeListValue"))
				|| identification != null && SRV.equals(identification.getNamespaceURI());
		String what = service ? "service" : "dataset";
		Map<String, String> title = identification == null ? Map.of()
				: localised(element(identification, "gmd:citation/gmd:CI_Citation/gmd:title"), locales);
		if (fileIdentifier == null) {
			String named = title.isEmpty() ? "" : " (" + Texts.pick(title, "fr") + ")";
			return new Failed(new RecordFailure(null, what + " record without gmd:fileIdentifier" + named));
		}
		if (identification == null) {
			return new Failed(new RecordFailure(fileIdentifier, what + " record without gmd:identificationInfo"));
		}
		if (title.isEmpty()) {
			return new Failed(new RecordFailure(fileIdentifier, what + " without title"));
		}
		return new Read(map(md, identification, fileIdentifier, service, title, locales));
	}

	private DatasetRecord map(Element md, Element id, String fileIdentifier, boolean service,
			Map<String, String> title, Locales locales) {
		Map<String, String> description = localised(element(id, "gmd:abstract"), locales);

		Instant issued = null;
		Instant revised = null;
		Instant created = null;
		for (Element date : elements(id, "gmd:citation/gmd:CI_Citation/gmd:date/gmd:CI_Date")) {
			Instant when = LooseDates.instant(text(date, "gmd:date/*"));
			String type = attribute(date, "gmd:dateType/gmd:CI_DateTypeCode", "codeListValue");
			if (when == null || type == null) {
				continue;
			}
			switch (type.toLowerCase(Locale.ROOT)) {
				case "publication" -> issued = issued == null ? when : issued;
				case "creation" -> created = created == null ? when : created;
				case "revision" -> revised = revised == null || when.isAfter(revised) ? when : revised;
				default -> {
				}
			}
		}
		Instant dateStamp = LooseDates.instant(text(md, "gmd:dateStamp/*"));

		Set<String> keywords = new TreeSet<>(Comparator.comparing(Texts::fold).thenComparing(Function.identity()));
		Set<String> themes = new TreeSet<>();
		for (Element keyword : elements(id, "gmd:descriptiveKeywords/gmd:MD_Keywords/gmd:keyword")) {
			keywords.addAll(localised(keyword, locales).values());
			String href = attribute(keyword, "gmx:Anchor", "xlink:href");
			if (href != null && href.contains("/authority/data-theme/")) {
				Vocabularies.theme(href.replaceFirst("^https:", "http:")).ifPresent(themes::add);
			}
		}
		for (Element category : elements(id, "gmd:topicCategory/gmd:MD_TopicCategoryCode")) {
			Vocabularies.theme(category.getTextContent()).ifPresent(themes::add);
		}

		Set<String> languages = new LinkedHashSet<>();
		for (Element language : elements(id, "gmd:language")) {
			language(language).ifPresent(languages::add);
		}

		Constraints constraints = constraints(id, locales);
		Period period = period(id);
		BoundingBoxes.Box box = box(id);
		Parties parties = parties(md, id, locales);

		List<Online> online = online(md, locales);
		List<DistributionRecord> distributions = new ArrayList<>();
		String endpointUrl = null;
		String endpointDescription = null;
		if (service) {
			List<String> urls = new ArrayList<>(online.stream().map(Online::url).toList());
			for (Element point : elements(id, "srv:containsOperations/srv:SV_OperationMetadata/srv:connectPoint/"
					+ "gmd:CI_OnlineResource/gmd:linkage/gmd:URL")) {
				String url = point.getTextContent().strip();
				if (!url.isEmpty()) {
					urls.add(url);
				}
			}
			endpointUrl = urls.isEmpty() ? null : urls.getFirst();
			endpointDescription = urls.stream()
				.filter(u -> u.toLowerCase(Locale.ROOT).contains("getcapabilities"))
				.findFirst()
				.orElse(null);
		}
		else {
			Set<DistributionRecord> unique = new LinkedHashSet<>();
			for (Online resource : online) {
				unique.add(new DistributionRecord(null, resource.name(), resource.description(), resource.url(),
						resource.download() ? resource.url() : null, resource.format(), null, null, null, null));
			}
			distributions.addAll(unique);
		}

		String frequency = attribute(id,
				"gmd:resourceMaintenance/gmd:MD_MaintenanceInformation/gmd:maintenanceAndUpdateFrequency/"
						+ "gmd:MD_MaintenanceFrequencyCode",
				"codeListValue");
		String accrual = frequency == null ? null : FREQUENCIES.get(frequency.toLowerCase(Locale.ROOT));

		String dataSetUri = text(md, "gmd:dataSetURI");
		String uri = dataSetUri != null && dataSetUri.matches("https?://\\S+") && dataSetUri.length() <= 1000
				? dataSetUri : null;

		return new DatasetRecord(fileIdentifier, service ? DatasetRecord.Kind.SERVICE : DatasetRecord.Kind.DATASET,
				uri, fileIdentifier, title, description, List.copyOf(keywords), List.copyOf(themes),
				List.copyOf(languages), constraints.licence(), constraints.accessRights(),
				accrual == null ? null : Vocabularies.FREQUENCY_BASE + accrual, period.start(), period.end(), null,
				box == null ? null : box.text(), parties.contactName(), parties.contactEmail(), null,
				issued != null ? issued : created, revised != null ? revised : dateStamp, parties.publisher(),
				distributions, endpointUrl, endpointDescription);
	}

	// ---- languages -----------------------------------------------------------------------------------------------

	/** The record's main language and the languages of its locales, by locale id. */
	private record Locales(String main, Map<String, String> byId) {

		/** The language of a free-text locale reference ({@code #FR}, {@code #locale-fre}, {@code #loc1}). */
		@Nullable String of(@Nullable String reference) {
			if (reference == null || reference.isBlank()) {
				return null;
			}
			String id = reference.strip().replaceFirst("^#", "");
			String declared = byId.get(id);
			if (declared != null) {
				return declared;
			}
			Optional<String> direct = Vocabularies.language(id);
			if (direct.isPresent()) {
				return direct.get();
			}
			String[] parts = id.split("[-_]");
			return Vocabularies.language(parts[parts.length - 1]).orElse(null);
		}
	}

	private Locales locales(Element md) {
		Map<String, String> byId = new HashMap<>();
		for (Element locale : elements(md, "gmd:locale/gmd:PT_Locale")) {
			String id = locale.getAttribute("id");
			Element code = element(locale, "gmd:languageCode");
			if (!id.isBlank() && code != null) {
				language(code).ifPresent(language -> byId.put(id.strip(), language));
			}
		}
		Element main = element(md, "gmd:language");
		return new Locales(main == null ? "" : language(main).orElse(""), byId);
	}

	/** A {@code gmd:language}: a code list value ({@code fre}) or a character string. */
	private Optional<String> language(Element language) {
		String code = attribute(language, "gmd:LanguageCode", "codeListValue");
		if (code == null || code.isBlank()) {
			code = text(language, ".");
		}
		return Vocabularies.language(code);
	}

	/**
	 * A text in the record's main language ({@code gco:CharacterString} or {@code gmx:Anchor}) and its
	 * {@code gmd:PT_FreeText} translations, by language.
	 */
	private Map<String, String> localised(@Nullable Element element, Locales locales) {
		Map<String, String> texts = new LinkedHashMap<>();
		if (element == null) {
			return texts;
		}
		String main = text(element, "gco:CharacterString");
		if (main == null) {
			main = text(element, "gmx:Anchor");
		}
		if (main != null) {
			texts.put(locales.main(), main);
		}
		for (Element translation : elements(element,
				"gmd:PT_FreeText/gmd:textGroup/gmd:LocalisedCharacterString")) {
			String language = locales.of(translation.getAttribute("locale"));
			String text = translation.getTextContent().strip();
			if (language != null && !text.isEmpty()) {
				texts.putIfAbsent(language, text);
			}
		}
		return texts;
	}

	// ---- constraints ---------------------------------------------------------------------------------------------

	private record Constraints(@Nullable String licence, @Nullable String accessRights) {
	}

	/**
	 * The licence: an anchor or a text naming a licence of the EU vocabulary, else a licence URL found in a text,
	 * else the first link that is not an INSPIRE code list. The access rights: the INSPIRE limitation on public
	 * access, as EU access right.
	 */
	private Constraints constraints(Element id, Locales locales) {
		List<String> hrefs = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (Element constraint : elements(id, "gmd:resourceConstraints/*/gmd:otherConstraints"
				+ " | gmd:resourceConstraints/*/gmd:useLimitation")) {
			String href = attribute(constraint, "gmx:Anchor", "xlink:href");
			if (href != null && !href.isBlank()) {
				hrefs.add(href.strip());
			}
			texts.addAll(localised(constraint, locales).values());
		}
		String accessRights = null;
		for (String href : hrefs) {
			int at = href.indexOf("LimitationsOnPublicAccess/");
			if (at >= 0 && accessRights == null) {
				accessRights = Vocabularies.ACCESS_RIGHT_BASE
						+ (href.substring(at).endsWith("/noLimitations") ? "PUBLIC" : "RESTRICTED");
			}
		}
		List<String> urls = new ArrayList<>(hrefs);
		for (String text : texts) {
			Matcher m = URL.matcher(text);
			while (m.find()) {
				urls.add(m.group().replaceAll("[.,;]+$", ""));
			}
		}
		List<String> candidates = new ArrayList<>(hrefs);
		candidates.addAll(texts);
		candidates.addAll(urls);
		for (String candidate : candidates) {
			Optional<String> licence = Vocabularies.licence(candidate);
			if (licence.isPresent() && licence.get().startsWith(Vocabularies.LICENCE_BASE)) {
				return new Constraints(licence.get(), accessRights);
			}
		}
		String other = urls.stream()
			.filter(u -> !u.contains(INSPIRE_CODE_LISTS) && u.length() <= 600)
			.findFirst()
			.orElse(null);
		return new Constraints(other, accessRights);
	}

	// ---- extents -------------------------------------------------------------------------------------------------

	private record Period(@Nullable LocalDate start, @Nullable LocalDate end) {
	}

	private Period period(Element id) {
		LocalDate start = null;
		LocalDate end = null;
		for (Element period : elements(id, ".//*[local-name()='TimePeriod']")) {
			LocalDate from = LooseDates.date(text(period,
					"*[local-name()='beginPosition'] | *[local-name()='begin']//*[local-name()='timePosition']"),
					false);
			LocalDate to = LooseDates.date(text(period,
					"*[local-name()='endPosition'] | *[local-name()='end']//*[local-name()='timePosition']"), true);
			if (from != null && (start == null || from.isBefore(start))) {
				start = from;
			}
			if (to != null && (end == null || to.isAfter(end))) {
				end = to;
			}
		}
		return new Period(start, end);
	}

	private BoundingBoxes.@Nullable Box box(Element id) {
		List<BoundingBoxes.Box> boxes = new ArrayList<>();
		for (Element bbox : elements(id, ".//gmd:EX_GeographicBoundingBox")) {
			try {
				BoundingBoxes.Box box = BoundingBoxes.ordered(
						Double.parseDouble(String.valueOf(text(bbox, "gmd:westBoundLongitude/gco:Decimal"))),
						Double.parseDouble(String.valueOf(text(bbox, "gmd:southBoundLatitude/gco:Decimal"))),
						Double.parseDouble(String.valueOf(text(bbox, "gmd:eastBoundLongitude/gco:Decimal"))),
						Double.parseDouble(String.valueOf(text(bbox, "gmd:northBoundLatitude/gco:Decimal"))));
				if (box != null) {
					boxes.add(box);
				}
			}
			catch (NumberFormatException e) {
				// an incomplete box: the others may do
			}
		}
		return BoundingBoxes.union(boxes);
	}

	// ---- parties -------------------------------------------------------------------------------------------------

	private record Party(String role, Map<String, String> organisation, @Nullable String individual,
			@Nullable String email, @Nullable String homepage) {
	}

	private record Parties(@Nullable PublisherRecord publisher, @Nullable String contactName,
			@Nullable String contactEmail) {
	}

	/**
	 * The publisher: the resource's party in the role of publisher, else owner, else point of contact, else any;
	 * the contact: the resource's point of contact, else any party; the metadata contact when the resource names
	 * none.
	 */
	private Parties parties(Element md, Element id, Locales locales) {
		List<Party> resource = parties(elements(id, "gmd:pointOfContact/gmd:CI_ResponsibleParty"), locales);
		List<Party> parties = resource.isEmpty()
				? parties(elements(md, "gmd:contact/gmd:CI_ResponsibleParty"), locales) : resource;
		if (parties.isEmpty()) {
			return new Parties(null, null, null);
		}
		Party publisher = role(parties, "publisher").or(() -> role(parties, "owner"))
			.or(() -> role(parties, "pointOfContact"))
			.orElse(parties.getFirst());
		Party contact = role(parties, "pointOfContact").orElse(parties.getFirst());
		Map<String, String> name = !publisher.organisation().isEmpty() ? publisher.organisation()
				: publisher.individual() == null ? Map.of() : Map.of(locales.main(), publisher.individual());
		PublisherRecord publisherRecord = name.isEmpty() ? null
				: new PublisherRecord(null, name, null, publisher.homepage(), publisher.email());
		String contactName = !contact.organisation().isEmpty() ? Texts.pick(contact.organisation(), locales.main())
				: contact.individual();
		return new Parties(publisherRecord, contactName, contact.email());
	}

	private static Optional<Party> role(List<Party> parties, String role) {
		return parties.stream().filter(p -> p.role().equalsIgnoreCase(role)).findFirst();
	}

	private List<Party> parties(List<Element> elements, Locales locales) {
		List<Party> parties = new ArrayList<>();
		for (Element party : elements) {
			String role = attribute(party, "gmd:role/gmd:CI_RoleCode", "codeListValue");
			Map<String, String> organisation = localised(element(party, "gmd:organisationName"), locales);
			String individual = text(party, "gmd:individualName/*");
			String email = DcatRecords.mailbox(text(party,
					"gmd:contactInfo/gmd:CI_Contact/gmd:address/gmd:CI_Address/gmd:electronicMailAddress/*"));
			String homepage = text(party,
					"gmd:contactInfo/gmd:CI_Contact/gmd:onlineResource/gmd:CI_OnlineResource/gmd:linkage/gmd:URL");
			if (!organisation.isEmpty() || individual != null || email != null) {
				parties.add(new Party(role == null ? "" : role, organisation, individual, email,
						homepage != null && homepage.length() <= 600 ? homepage : null));
			}
		}
		return parties;
	}

	// ---- online resources ----------------------------------------------------------------------------------------

	private record Online(String url, @Nullable String format, boolean download, Map<String, String> name,
			Map<String, String> description) {
	}

	private List<Online> online(Element md, Locales locales) {
		List<String> formats = new ArrayList<>();
		for (Element name : elements(md, "gmd:distributionInfo/gmd:MD_Distribution/gmd:distributionFormat/"
				+ "gmd:MD_Format/gmd:name")) {
			String text = text(name, "*");
			if (text != null) {
				formats.add(text);
			}
		}
		String onlyFormat = formats.size() == 1 ? Vocabularies.format(formats.getFirst()).orElse(null) : null;
		List<Online> online = new ArrayList<>();
		for (Element resource : elements(md, "gmd:distributionInfo//gmd:CI_OnlineResource")) {
			String url = text(resource, "gmd:linkage/gmd:URL");
			if (url == null || url.length() > 2000) {
				continue;
			}
			String protocol = text(resource, "gmd:protocol/*");
			String function = attribute(resource, "gmd:function/gmd:CI_OnLineFunctionCode", "codeListValue");
			boolean download = protocol != null && protocol.toLowerCase(Locale.ROOT).contains("download")
					|| "download".equalsIgnoreCase(function);
			String format = protocolFormat(protocol).or(() -> Vocabularies.formatOfUrl(url))
				.orElse(download ? onlyFormat : null);
			online.add(new Online(url, format, download, localised(element(resource, "gmd:name"), locales),
					localised(element(resource, "gmd:description"), locales)));
		}
		return online;
	}

	/** {@code OGC:WMS}, {@code OGC:WMS-1.3.0-http-get-map}, {@code OGC:WFS} … as EU file types. */
	private static Optional<String> protocolFormat(@Nullable String protocol) {
		if (protocol == null) {
			return Optional.empty();
		}
		int dash = protocol.indexOf('-');
		return Vocabularies.format(protocol)
			.or(() -> dash > 0 ? Vocabularies.format(protocol.substring(0, dash)) : Optional.empty());
	}

	// ---- XPath plumbing ------------------------------------------------------------------------------------------

	private XPathExpression expression(String path) {
		return compiled.computeIfAbsent(path, p -> {
			try {
				return xpath.compile(p);
			}
			catch (XPathExpressionException e) {
				throw new IllegalArgumentException(p, e);
			}
		});
	}

	private List<Element> elements(Node context, String path) {
		try {
			NodeList nodes = (NodeList) expression(path).evaluate(context, XPathConstants.NODESET);
			List<Element> elements = new ArrayList<>(nodes.getLength());
			for (int i = 0; i < nodes.getLength(); i++) {
				if (nodes.item(i) instanceof Element element) {
					elements.add(element);
				}
			}
			return elements;
		}
		catch (XPathExpressionException e) {
			throw new IllegalStateException(e);
		}
	}

	private @Nullable Element element(Node context, String path) {
		List<Element> elements = elements(context, path);
		return elements.isEmpty() ? null : elements.getFirst();
	}

	/** The stripped text of the first element at a path ({@code gco:CharacterString} or anchor inside it), or null. */
	private @Nullable String text(Node context, String path) {
		for (Element element : elements(context, path)) {
			String text = element.getTextContent();
			if (text != null && !text.isBlank()) {
				return text.strip();
			}
		}
		return null;
	}

	private @Nullable String attribute(Node context, String path, String attribute) {
		Element element = element(context, path);
		if (element == null) {
			return null;
		}
		String value = attribute.startsWith("xlink:") ? element.getAttributeNS(XLINK, attribute.substring(6))
				: element.getAttribute(attribute);
		return value == null || value.isBlank() ? null : value.strip();
	}
}
