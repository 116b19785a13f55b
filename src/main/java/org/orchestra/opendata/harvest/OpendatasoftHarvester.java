package org.orchestra.opendata.harvest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.orchestra.opendata.DatasetRecord;
import org.orchestra.opendata.DatasetRecord.DistributionRecord;
import org.orchestra.opendata.DatasetRecord.PublisherRecord;
import org.orchestra.opendata.SourceKind;
import org.orchestra.opendata.Vocabularies;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Harvests an Opendatasoft portal through its Explore API v2.1: {@code /catalog/datasets} paged with {@code limit}
 * and {@code offset} until all {@code total_count} datasets are read. Each dataset's {@code default} metadata (and
 * its {@code dcat} metadata when the portal has them) make the record; its distributions are the portal's exports
 * (CSV, JSON, and GeoJSON when it has a geographic field) and its attachments.
 */
@Component
class OpendatasoftHarvester implements Harvester {

	/** The Explore API gives at most 100 datasets a page. */
	static final int MAX_LIMIT = 100;

	private static final Pattern PARENTHESES = Pattern.compile("\\(([^)]*)\\)");

	private static final Set<String> GEO_TYPES = Set.of("geo_point_2d", "geo_shape");

	@Override
	public SourceKind kind() {
		return SourceKind.OPENDATASOFT;
	}

	/** The portal's base URL: the source's URL without a trailing {@code /api/...} or {@code /explore...}. */
	static String base(String url) {
		String base = url.strip().replaceFirst("[?#].*$", "").replaceAll("/+$", "");
		base = base.replaceFirst("(?i)/(api|explore)(/.*)?$", "");
		return base.replaceAll("/+$", "");
	}

	@Override
	public void harvest(SourceSpec source, SourceClient client, PageSink sink) {
		String base = base(source.url());
		int limit = Math.max(1, Math.min(source.pageSize(), MAX_LIMIT));
		long offset = 0;
		while (true) {
			String url = base + "/api/explore/v2.1/catalog/datasets?limit=" + limit + "&offset=" + offset;
			SourceClient.Response response = client.get(url, "application/json");
			JsonNode root = JsonSource.object(response);
			JsonNode results = root.get("results");
			if (results == null || !results.isArray()) {
				String error = JsonSource.text(root, "message");
				throw new HarvestFailure("Unexpected answer from " + url + ": no results list"
						+ (error == null ? " (is it an Opendatasoft Explore API v2.1?)" : ": " + JsonSource.clip(error, 300)));
			}
			if (results.isEmpty()) {
				return;
			}
			List<DatasetRecord> records = new ArrayList<>();
			List<RecordFailure> failures = new ArrayList<>();
			for (JsonNode item : results) {
				try {
					records.add(map(base, item));
				}
				catch (RuntimeException e) {
					String id = item.isObject() ? JsonSource.text(item, "dataset_id") : null;
					failures.add(new RecordFailure(id, e instanceof IllegalArgumentException && e.getMessage() != null
							? e.getMessage() : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
				}
			}
			sink.accept(records, failures);
			offset += results.size();
			JsonNode total = root.get("total_count");
			if (total != null && total.isNumber() && offset >= total.asLong()) {
				return;
			}
		}
	}

	static DatasetRecord map(String base, JsonNode dataset) {
		if (!dataset.isObject()) {
			throw new IllegalArgumentException("A dataset is not a JSON object");
		}
		String id = JsonSource.text(dataset, "dataset_id");
		if (id == null || id.length() > 300) {
			throw new IllegalArgumentException("A dataset has no dataset_id");
		}
		JsonNode metas = dataset.path("metas");
		JsonNode meta = metas.path("default");
		if (!meta.isObject()) {
			throw new IllegalArgumentException("Dataset " + id + " has no metas.default");
		}
		JsonNode dcat = metas.path("dcat");
		String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");

		List<String> languages = JsonSource.languages(JsonSource.strings(meta.get("language")));
		String language = languages.isEmpty() ? "" : languages.getFirst();
		Map<String, String> title = JsonSource.texts(meta.get("title"), language, JsonSource.MAX_TITLE);
		if (title.isEmpty()) {
			throw new IllegalArgumentException("Dataset " + id + " has no title");
		}
		Map<String, String> description = new java.util.LinkedHashMap<>();
		JsonSource.texts(meta.get("description"), language, JsonSource.MAX_DESCRIPTION * 2)
			.forEach((key, html) -> {
				String text = JsonSource.plain(html);
				if (!text.isEmpty()) {
					description.put(key, JsonSource.clip(text, JsonSource.MAX_DESCRIPTION));
				}
			});

		List<String> keywords = new ArrayList<>(JsonSource.strings(meta.get("keyword")));
		keywords.addAll(JsonSource.strings(meta.get("territory")));

		Set<String> themes = new LinkedHashSet<>();
		for (String value : JsonSource.strings(meta.get("theme"))) {
			String theme = Vocabularies.theme(value).orElse(null);
			if (theme == null) {
				for (String part : value.split("\\s*[,/&]\\s*|\\s+(et|en|and)\\s+")) {
					theme = Vocabularies.theme(part).orElse(null);
					if (theme != null) {
						break;
					}
				}
			}
			if (theme != null) {
				themes.add(theme);
			}
		}
		for (String value : JsonSource.strings(dcat.get("theme"))) {
			Vocabularies.theme(value).ifPresent(themes::add);
		}

		String licence = licence(JsonSource.text(meta, "license"), JsonSource.text(meta, "license_url"));

		String publisherName = JsonSource.text(meta, "publisher");
		PublisherRecord publisher = publisherName == null ? null
				: new PublisherRecord(null, Map.of(language, JsonSource.clip(publisherName, 300)), null, null, null);

		String landingPage = base + "/explore/dataset/" + encoded + "/";
		String identifier = JsonSource.text(dcat, "identifier");
		if (identifier != null && identifier.length() > 600) {
			identifier = null;
		}

		Instant modified = LooseDates.instant(JsonSource.text(meta, "modified"));
		Instant issued = first(LooseDates.instant(JsonSource.text(dcat, "issued")),
				LooseDates.instant(JsonSource.text(dcat, "created")));
		Instant dataProcessed = LooseDates.instant(JsonSource.text(meta, "data_processed"));

		LocalDate temporalStart = first(LooseDates.date(JsonSource.text(dcat, "temporal_coverage_start"), false),
				LooseDates.date(JsonSource.text(dcat, "temporal_start"), false));
		LocalDate temporalEnd = first(LooseDates.date(JsonSource.text(dcat, "temporal_coverage_end"), true),
				LooseDates.date(JsonSource.text(dcat, "temporal_end"), true));
		String temporal = JsonSource.text(dcat, "temporal");
		if (temporal != null && temporalStart == null && temporal.contains("/")) {
			temporalStart = LooseDates.date(temporal.substring(0, temporal.indexOf('/')).strip(), false);
			temporalEnd = LooseDates.date(temporal.substring(temporal.indexOf('/') + 1).strip(), true);
		}

		JsonNode spatialNode = dcat.get("spatial");
		String spatial = JsonSource.text(spatialNode);
		String spatialUri = JsonSource.isHttp(spatial) && spatial.length() <= 600 ? spatial : null;
		String bbox = JsonSource.bbox(spatialNode);

		String contactEmail = JsonSource.email(JsonSource.text(dcat, "contact_email"));
		String contactName = JsonSource.text(dcat, "contact_name");
		String accessRights = JsonSource.text(dcat, "accessrights");
		if (!JsonSource.isHttp(accessRights)) {
			accessRights = Vocabularies.ACCESS_RIGHT_BASE + "PUBLIC";
		}

		List<DistributionRecord> distributions = new ArrayList<>();
		boolean hasRecords = !(dataset.get("has_records") != null && dataset.get("has_records").isBoolean()
				&& !dataset.get("has_records").booleanValue());
		boolean visible = !(dataset.get("data_visible") != null && dataset.get("data_visible").isBoolean()
				&& !dataset.get("data_visible").booleanValue());
		if (hasRecords && visible) {
			String exports = base + "/api/explore/v2.1/catalog/datasets/" + encoded + "/exports/";
			distributions.add(export(exports + "csv", "CSV", "text/csv", licence, dataProcessed));
			distributions.add(export(exports + "json", "JSON", "application/json", licence, dataProcessed));
			if (hasGeo(dataset)) {
				distributions.add(export(exports + "geojson", "GEOJSON", "application/geo+json", licence,
						dataProcessed));
			}
		}
		for (JsonNode attachment : dataset.path("attachments")) {
			DistributionRecord distribution = attachment(base, encoded, attachment, language, licence);
			if (distribution != null) {
				distributions.add(distribution);
			}
		}

		return new DatasetRecord(id, DatasetRecord.Kind.DATASET, landingPage, identifier, title, description,
				JsonSource.keywords(keywords), List.copyOf(themes), languages, licence, accessRights,
				CkanHarvester.frequency(JsonSource.text(dcat, "accrualperiodicity")), temporalStart, temporalEnd,
				spatialUri, bbox, contactName == null ? null : JsonSource.clip(contactName, 300), contactEmail,
				landingPage, issued, modified, publisher, distributions, null, null);
	}

	@SafeVarargs
	private static <T> @Nullable T first(@Nullable T... values) {
		for (T value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/** Whether the dataset has a geographic field (or says it has the {@code geo} feature). */
	static boolean hasGeo(JsonNode dataset) {
		for (JsonNode field : dataset.path("fields")) {
			if (GEO_TYPES.contains(String.valueOf(JsonSource.text(field, "type")).toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return JsonSource.strings(dataset.get("features")).contains("geo");
	}

	/**
	 * The EU licence of an Opendatasoft licence name ({@code Open Database License (ODbL)}, {@code Licence Ouverte
	 * v2.0 (Etalab)}) or URL, else the URL as given.
	 */
	static @Nullable String licence(@Nullable String name, @Nullable String url) {
		List<String> candidates = new ArrayList<>();
		if (name != null) {
			candidates.add(name);
			candidates.add(PARENTHESES.matcher(name).replaceAll("").strip());
			Matcher inside = PARENTHESES.matcher(name);
			while (inside.find()) {
				candidates.add(inside.group(1));
			}
		}
		candidates.add(url);
		return CkanHarvester.licence(candidates.toArray(String[]::new));
	}

	private static DistributionRecord export(String url, String format, String mediaType, @Nullable String licence,
			@Nullable Instant modified) {
		return new DistributionRecord(null, Map.of("", format), Map.of(), url, url, format, mediaType, licence, null,
				modified);
	}

	private static @Nullable DistributionRecord attachment(String base, String dataset, JsonNode attachment,
			String language, @Nullable String licence) {
		if (!attachment.isObject()) {
			return null;
		}
		String url = JsonSource.text(attachment, "href");
		if (!JsonSource.isHttp(url)) {
			url = JsonSource.text(attachment, "url");
		}
		String id = JsonSource.text(attachment, "id");
		if (!JsonSource.isHttp(url)) {
			if (id == null) {
				return null;
			}
			url = base + "/api/explore/v2.1/catalog/datasets/" + dataset + "/attachments/"
					+ URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
		}
		String title = JsonSource.text(attachment, "title");
		String mediaType = JsonSource.text(attachment, "mimetype");
		if (mediaType != null && (!mediaType.matches("[\\w.+-]+/[\\w.+-]+") || mediaType.length() > 200)) {
			mediaType = null;
		}
		String format = first(Vocabularies.format(mediaType).orElse(null), Vocabularies.formatOfUrl(id).orElse(null),
				Vocabularies.formatOfUrl(title).orElse(null), Vocabularies.formatOfUrl(url).orElse(null));
		return new DistributionRecord(null, title == null ? Map.of() : Map.of(language, JsonSource.clip(title, 500)),
				Map.of(), url, url, format, mediaType, licence, null, null);
	}
}
