package org.orchestra.opendata.harvest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.orchestra.opendata.DatasetRecord;
import org.orchestra.opendata.SourceKind;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Harvests an OGC CSW 2.0.2 catalogue (GeoNetwork, pycsw, deegree …) by GetRecords in ISO 19139
 * ({@code outputSchema=http://www.isotc211.org/2005/gmd}, full element set), page after page by
 * {@code startPosition}, following {@code csw:SearchResults/@nextRecord} and guarding against servers that
 * misreport it. The records are mapped to GeoDCAT-AP-style records by {@link IsoRecords}.
 */
@Component
class CswHarvester implements Harvester {

	static final String CSW = "http://www.opengis.net/cat/csw/2.0.2";

	private static final String ACCEPT = "application/xml, text/xml;q=0.9, */*;q=0.1";

	/** The GetRecords parameters this harvester sets; the same parameters in the source's URL are replaced. */
	private static final Set<String> OWN_PARAMETERS = Set.of("service", "version", "request", "typenames",
			"typename", "namespace", "resulttype", "elementsetname", "elementname", "outputschema", "outputformat",
			"maxrecords", "startposition");

	private static final int DEFAULT_PAGE = 100;

	private static final int MAX_PAGE = 1000;

	@Override
	public SourceKind kind() {
		return SourceKind.CSW;
	}

	@Override
	public void harvest(SourceSpec source, SourceClient client, PageSink sink) {
		int pageSize = source.pageSize() <= 0 ? DEFAULT_PAGE : Math.min(source.pageSize(), MAX_PAGE);
		IsoRecords iso = new IsoRecords();
		Set<String> seen = new HashSet<>();
		int start = 1;
		while (true) {
			String url = getRecords(source.url(), pageSize, start);
			SourceClient.Response response = client.get(url, ACCEPT);
			Document document = SafeXml.parse(response.body(), response.url());
			Element results = searchResults(document, response.url());
			List<Element> entries = children(results);

			List<DatasetRecord> records = new ArrayList<>();
			List<RecordFailure> failures = new ArrayList<>();
			for (Element entry : entries) {
				if (!IsoRecords.GMD.equals(entry.getNamespaceURI()) || !"MD_Metadata".equals(entry.getLocalName())) {
					failures.add(new RecordFailure(null,
							"record in another schema than ISO 19139 (" + entry.getTagName() + ")"));
					continue;
				}
				IsoRecords.Result result;
				try {
					result = iso.read(entry);
				}
				catch (RuntimeException e) {
					failures.add(new RecordFailure(null, "record could not be read: " + e.getMessage()));
					continue;
				}
				switch (result) {
					case IsoRecords.Read read -> {
						if (seen.add(read.record().recordId())) {
							records.add(read.record());
						}
					}
					case IsoRecords.Failed failed -> failures.add(failed.failure());
				}
			}
			sink.accept(records, failures);

			Integer next = next(results, start, entries.size());
			if (next == null) {
				return;
			}
			start = next;
		}
	}

	/**
	 * Where the next page starts, or null when this was the last: no record returned, {@code nextRecord} 0 or past
	 * the number matched. A {@code nextRecord} that does not move forward is replaced by the position after the
	 * records returned.
	 */
	static @Nullable Integer next(Element results, int start, int returned) {
		if (returned == 0) {
			return null;
		}
		Long matched = number(results.getAttribute("numberOfRecordsMatched"));
		Long reported = number(results.getAttribute("nextRecord"));
		long next = reported == null ? start + (long) returned : reported;
		if (reported != null && reported == 0) {
			return null;
		}
		if (next <= start) {
			next = start + (long) returned;
		}
		if (matched != null && matched > 0 && next > matched) {
			return null;
		}
		return next > Integer.MAX_VALUE ? null : (int) next;
	}

	private static @Nullable Long number(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static Element searchResults(Document document, String url) {
		Element root = document.getDocumentElement();
		String namespace = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
		if ("ExceptionReport".equals(root.getLocalName()) && namespace.startsWith("http://www.opengis.net/ows")) {
			throw new HarvestFailure("The CSW service at " + url + " answered with an exception: " + exception(root));
		}
		if (!CSW.equals(namespace) || !"GetRecordsResponse".equals(root.getLocalName())) {
			throw new HarvestFailure("Not a CSW 2.0.2 GetRecords response at " + url + " (root element "
					+ root.getTagName() + ")");
		}
		for (Element child : children(root)) {
			if (CSW.equals(child.getNamespaceURI()) && "SearchResults".equals(child.getLocalName())) {
				return child;
			}
		}
		throw new HarvestFailure("No csw:SearchResults in the GetRecords response at " + url);
	}

	private static String exception(Element report) {
		List<String> parts = new ArrayList<>();
		for (Element exception : children(report)) {
			StringBuilder part = new StringBuilder();
			String code = exception.getAttribute("exceptionCode");
			String locator = exception.getAttribute("locator");
			if (!code.isBlank()) {
				part.append(code);
			}
			if (!locator.isBlank()) {
				part.append(" (").append(locator).append(')');
			}
			for (Element text : children(exception)) {
				String message = text.getTextContent().strip().replaceAll("\\s+", " ");
				if (!message.isEmpty()) {
					part.append(part.isEmpty() ? "" : ": ").append(message);
				}
			}
			if (!part.isEmpty()) {
				parts.add(part.toString());
			}
		}
		String all = parts.isEmpty() ? "no detail given" : String.join("; ", parts);
		return all.length() > 500 ? all.substring(0, 500) + "…" : all;
	}

	private static List<Element> children(Element parent) {
		List<Element> children = new ArrayList<>();
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element) {
				children.add(element);
			}
		}
		return children;
	}

	/** The GetRecords URL of a page: the source URL's own parameters kept, the request's set. */
	static String getRecords(String base, int pageSize, int start) {
		URI uri;
		try {
			uri = URI.create(base.strip());
		}
		catch (IllegalArgumentException e) {
			throw new HarvestFailure("Invalid URL: " + base);
		}
		String query = uri.getRawQuery();
		String withoutQuery = base.strip();
		int mark = withoutQuery.indexOf('?');
		if (mark >= 0) {
			withoutQuery = withoutQuery.substring(0, mark);
		}
		int hash = withoutQuery.indexOf('#');
		if (hash >= 0) {
			withoutQuery = withoutQuery.substring(0, hash);
		}
		List<String> parameters = new ArrayList<>();
		if (query != null) {
			for (String pair : query.split("&")) {
				String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
				if (!pair.isBlank() && !OWN_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
					parameters.add(pair);
				}
			}
		}
		Map<String, String> own = new LinkedHashMap<>();
		own.put("service", "CSW");
		own.put("version", "2.0.2");
		own.put("request", "GetRecords");
		own.put("typeNames", "gmd:MD_Metadata");
		own.put("namespace", "xmlns(gmd=" + IsoRecords.GMD + ")");
		own.put("resultType", "results");
		own.put("elementSetName", "full");
		own.put("outputSchema", IsoRecords.GMD);
		own.put("maxRecords", Integer.toString(pageSize));
		own.put("startPosition", Integer.toString(start));
		own.forEach((name, value) -> parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return withoutQuery + "?" + String.join("&", parameters);
	}
}
