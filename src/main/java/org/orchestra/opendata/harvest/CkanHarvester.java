package org.orchestra.opendata.harvest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.orchestra.opendata.DatasetRecord;
import org.orchestra.opendata.DatasetRecord.DistributionRecord;
import org.orchestra.opendata.DatasetRecord.PublisherRecord;
import org.orchestra.opendata.SourceKind;
import org.orchestra.opendata.Vocabularies;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Harvests a CKAN site through its Action API: {@code package_search} sorted by id, {@code rows} at a time, until
 * a page is empty or all {@code count} packages are read. Packages are read as ckanext-dcat and ckanext-fluent /
 * ckanext-scheming write them (multilingual titles and descriptions, {@code extras} or top-level fields for the
 * DCAT properties); groups become EU themes, licences EU licences, resources distributions.
 */
@Component
class CkanHarvester implements Harvester {

	static final int MAX_ROWS = 1000;

	@Override
	public SourceKind kind() {
		return SourceKind.CKAN;
	}

	/** The site's base URL: the source's URL without a trailing {@code /api/3/action/...}. */
	static String base(String url) {
		String base = url.strip().replaceFirst("[?#].*$", "").replaceAll("/+$", "");
		base = base.replaceFirst("(?i)/api(/\\d+)?(/action(/[a-z_]*)?)?$", "");
		return base.replaceAll("/+$", "");
	}

	@Override
	public void harvest(SourceSpec source, SourceClient client, PageSink sink) {
		String base = base(source.url());
		int rows = Math.max(1, Math.min(source.pageSize(), MAX_ROWS));
		long start = 0;
		while (true) {
			String url = base + "/api/3/action/package_search?sort=" + URLEncoder.encode("id asc", StandardCharsets.UTF_8)
					.replace("+", "%20") + "&rows=" + rows + "&start=" + start;
			SourceClient.Response response = client.get(url, "application/json");
			JsonNode root = JsonSource.object(response);
			JsonNode success = root.get("success");
			if (success != null && success.isBoolean() && !success.booleanValue()) {
				JsonNode error = root.path("error");
				String message = JsonSource.text(error, "message");
				throw new HarvestFailure("The CKAN API refused " + url + ": "
						+ (message == null ? JsonSource.clip(error.toString(), 300) : JsonSource.clip(message, 300)));
			}
			JsonNode result = root.get("result");
			JsonNode results = result == null ? null : result.get("results");
			if (result == null || !result.isObject() || results == null || !results.isArray()) {
				throw new HarvestFailure("Unexpected answer from " + url + ": no result.results list (is it a CKAN "
						+ "Action API?)");
			}
			JsonNode count = result.get("count");
			if (results.isEmpty()) {
				return;
			}
			List<DatasetRecord> records = new ArrayList<>();
			List<RecordFailure> failures = new ArrayList<>();
			for (JsonNode item : results) {
				if (item.isObject() && List.of("deleted", "draft").contains(String.valueOf(JsonSource.text(item, "state")))) {
					continue;
				}
				String id = item.isObject() ? first(JsonSource.text(item, "id"), JsonSource.text(item, "name")) : null;
				try {
					records.add(map(base, item));
				}
				catch (RuntimeException e) {
					failures.add(new RecordFailure(id, reason(e)));
				}
			}
			sink.accept(records, failures);
			start += results.size();
			if (count != null && count.isNumber() && start >= count.asLong()) {
				return;
			}
		}
	}

	private static String reason(RuntimeException e) {
		if (e instanceof IllegalArgumentException && e.getMessage() != null) {
			return e.getMessage();
		}
		return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
	}

	/** A DCAT property of a package: a top-level field (ckanext-scheming) or an extra. */
	private static @Nullable JsonNode extra(JsonNode pkg, Map<String, JsonNode> extras, String key) {
		JsonNode top = pkg.get(key);
		if (top != null && !top.isNull() && !(top.isString() && top.stringValue().isBlank())) {
			return top;
		}
		return extras.get(key);
	}

	private static @Nullable String extraText(JsonNode pkg, Map<String, JsonNode> extras, String key) {
		return JsonSource.text(extra(pkg, extras, key));
	}

	static DatasetRecord map(String base, JsonNode pkg) {
		if (!pkg.isObject()) {
			throw new IllegalArgumentException("A package is not a JSON object");
		}
		String id = first(JsonSource.text(pkg, "id"), JsonSource.text(pkg, "name"));
		if (id == null) {
			throw new IllegalArgumentException("A package has neither id nor name");
		}
		String name = first(JsonSource.text(pkg, "name"), id);
		Map<String, JsonNode> extras = new LinkedHashMap<>();
		for (JsonNode extra : pkg.path("extras")) {
			String key = JsonSource.text(extra, "key");
			if (key != null && extra.get("value") != null) {
				extras.putIfAbsent(key, extra.get("value"));
			}
		}

		List<String> languages = JsonSource.languages(JsonSource.strings(extra(pkg, extras, "language")));
		String textLanguage = languages.size() == 1 ? languages.getFirst() : "";
		Map<String, String> title = JsonSource.texts(pkg.get("title_translated"), textLanguage, JsonSource.MAX_TITLE);
		if (title.isEmpty()) {
			title = JsonSource.texts(pkg.get("title"), textLanguage, JsonSource.MAX_TITLE);
		}
		if (title.isEmpty()) {
			throw new IllegalArgumentException("Package " + id + " has no title");
		}
		Map<String, String> description = JsonSource.texts(pkg.get("notes_translated"), textLanguage,
				JsonSource.MAX_DESCRIPTION);
		if (description.isEmpty()) {
			description = JsonSource.texts(pkg.get("notes"), textLanguage, JsonSource.MAX_DESCRIPTION);
		}

		List<String> keywords = new ArrayList<>(JsonSource.strings(pkg.get("tags"), "display_name", "name"));
		JsonNode fluentTags = pkg.get("keywords");
		if (fluentTags != null && fluentTags.isObject()) {
			for (Map.Entry<String, JsonNode> entry : fluentTags.properties()) {
				keywords.addAll(JsonSource.strings(entry.getValue()));
			}
		}
		else {
			keywords.addAll(JsonSource.strings(fluentTags));
		}

		Set<String> themes = new LinkedHashSet<>();
		for (JsonNode group : pkg.path("groups")) {
			for (String field : List.of("name", "title", "display_name")) {
				String value = JsonSource.text(group, field);
				String theme = Vocabularies.theme(value).orElse(null);
				if (theme == null && value != null && value.contains(",")) {
					theme = themeOfParts(value);
				}
				if (theme != null) {
					themes.add(theme);
					break;
				}
			}
		}
		for (String value : JsonSource.strings(extra(pkg, extras, "theme"))) {
			Vocabularies.theme(value).ifPresent(themes::add);
		}

		String licence = licence(JsonSource.text(pkg, "license_id"), JsonSource.text(pkg, "license_url"),
				JsonSource.text(pkg, "license_title"));

		String uri = extraText(pkg, extras, "uri");
		if (!JsonSource.isHttp(uri)) {
			uri = base + "/dataset/" + id;
		}
		String identifier = extraText(pkg, extras, "identifier");
		if (identifier == null) {
			identifier = extraText(pkg, extras, "guid");
		}
		if (identifier != null && identifier.length() > 600) {
			identifier = null;
		}
		String url = JsonSource.text(pkg, "url");
		String landingPage = JsonSource.isHttp(url) ? url : base + "/dataset/" + name;

		String contactEmail = JsonSource.email(first(extraText(pkg, extras, "contact_email"),
				JsonSource.text(pkg, "maintainer_email"), JsonSource.text(pkg, "author_email")));
		String contactName = first(extraText(pkg, extras, "contact_name"), JsonSource.text(pkg, "maintainer"),
				JsonSource.text(pkg, "author"));

		JsonNode spatial = extra(pkg, extras, "spatial");
		String bbox = JsonSource.bbox(spatial);
		String spatialUri = first(extraText(pkg, extras, "spatial_uri"));
		if (spatialUri == null && JsonSource.isHttp(JsonSource.text(spatial))) {
			spatialUri = JsonSource.text(spatial);
		}
		if (spatialUri != null && (!JsonSource.isHttp(spatialUri) || spatialUri.length() > 600)) {
			spatialUri = null;
		}

		Instant issued = first(LooseDates.instant(extraText(pkg, extras, "issued")),
				LooseDates.instant(JsonSource.text(pkg, "metadata_created")));
		Instant modified = first(LooseDates.instant(extraText(pkg, extras, "modified")),
				LooseDates.instant(JsonSource.text(pkg, "metadata_modified")));

		String accessRights = extraText(pkg, extras, "access_rights");
		if (accessRights == null || !JsonSource.isHttp(accessRights)) {
			// package_search gives the public packages only
			accessRights = Vocabularies.ACCESS_RIGHT_BASE + "PUBLIC";
		}
		String frequency = frequency(extraText(pkg, extras, "frequency"));

		List<DistributionRecord> distributions = new ArrayList<>();
		for (JsonNode resource : pkg.path("resources")) {
			DistributionRecord distribution = distribution(base, id, resource, textLanguage);
			if (distribution != null) {
				distributions.add(distribution);
			}
		}

		return new DatasetRecord(id, DatasetRecord.Kind.DATASET, uri, identifier, title, description,
				JsonSource.keywords(keywords), List.copyOf(themes), languages, licence, accessRights, frequency,
				LooseDates.date(extraText(pkg, extras, "temporal_start"), false),
				LooseDates.date(extraText(pkg, extras, "temporal_end"), true), spatialUri, bbox,
				contactName == null ? null : JsonSource.clip(contactName, 300), contactEmail,
				landingPage, issued, modified, publisher(base, pkg, extras), distributions, null, null);
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

	private static @Nullable String themeOfParts(String value) {
		for (String part : value.split("\\s*,\\s*")) {
			String theme = Vocabularies.theme(part).orElse(null);
			if (theme != null) {
				return theme;
			}
		}
		return null;
	}

	/** The EU licence of the first of the values that names one, else the licence IRI as given, else none. */
	static @Nullable String licence(@Nullable String... values) {
		String fallback = null;
		for (String value : values) {
			if (value == null || value.equalsIgnoreCase("notspecified") || value.equalsIgnoreCase("other")) {
				continue;
			}
			String licence = Vocabularies.licence(value).orElse(null);
			if (licence != null && licence.startsWith(Vocabularies.LICENCE_BASE)) {
				return licence;
			}
			if (fallback == null && licence != null && licence.length() <= 600) {
				fallback = licence;
			}
		}
		return fallback;
	}

	/** The EU frequency IRI of an IRI or a code such as {@code daily} or {@code ANNUAL}. */
	static @Nullable String frequency(@Nullable String value) {
		if (value == null) {
			return null;
		}
		if (value.startsWith(Vocabularies.FREQUENCY_BASE)) {
			return value;
		}
		String code = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		return switch (code) {
			case "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL", "IRREG", "CONT", "UNKNOWN", "NEVER", "BIENNIAL",
					"BIWEEKLY", "BIMONTHLY", "ANNUAL_2", "ANNUAL_3", "UPDATE_CONT", "OTHER", "HOURLY" ->
				Vocabularies.FREQUENCY_BASE + code;
			case "YEARLY" -> Vocabularies.FREQUENCY_BASE + "ANNUAL";
			case "IRREGULAR" -> Vocabularies.FREQUENCY_BASE + "IRREG";
			case "CONTINUOUS", "REAL_TIME", "REALTIME" -> Vocabularies.FREQUENCY_BASE + "UPDATE_CONT";
			default -> null;
		};
	}

	private static @Nullable PublisherRecord publisher(String base, JsonNode pkg, Map<String, JsonNode> extras) {
		String publisherName = extraText(pkg, extras, "publisher_name");
		String publisherUri = extraText(pkg, extras, "publisher_uri");
		JsonNode organization = pkg.get("organization");
		Map<String, String> name = new LinkedHashMap<>();
		if (publisherName != null) {
			name.put("", JsonSource.clip(publisherName, 300));
		}
		else if (organization != null && organization.isObject()) {
			name.putAll(JsonSource.texts(organization.get("title_translated"), "", 300));
			if (name.isEmpty()) {
				name.putAll(JsonSource.texts(organization.get("title"), "", 300));
			}
			if (name.isEmpty() && JsonSource.text(organization, "display_name") != null) {
				name.put("", JsonSource.clip(JsonSource.text(organization, "display_name"), 300));
			}
			if (publisherUri == null && JsonSource.text(organization, "name") != null) {
				publisherUri = base + "/organization/" + JsonSource.text(organization, "name");
			}
		}
		if (name.isEmpty() && publisherUri == null) {
			return null;
		}
		if (publisherUri != null && (!JsonSource.isHttp(publisherUri) || publisherUri.length() > 600)) {
			publisherUri = null;
		}
		if (name.isEmpty() && publisherUri == null) {
			return null;
		}
		String homepage = extraText(pkg, extras, "publisher_url");
		return new PublisherRecord(publisherUri, name, extraText(pkg, extras, "publisher_type"),
				JsonSource.isHttp(homepage) && homepage.length() <= 600 ? homepage : null,
				JsonSource.email(extraText(pkg, extras, "publisher_email")));
	}

	private static @Nullable DistributionRecord distribution(String base, String datasetId, JsonNode resource,
			String language) {
		if (!resource.isObject()) {
			return null;
		}
		String url = JsonSource.text(resource, "url");
		String accessUrl = first(JsonSource.text(resource, "access_url"), url);
		if (!JsonSource.isHttp(accessUrl)) {
			return null;
		}
		String id = JsonSource.text(resource, "id");
		String uri = JsonSource.text(resource, "uri");
		if (!JsonSource.isHttp(uri)) {
			uri = id == null ? null : base + "/dataset/" + datasetId + "/resource/" + id;
		}
		String declared = JsonSource.text(resource, "format");
		String mediaType = JsonSource.text(resource, "mimetype");
		if (mediaType != null && (!mediaType.matches("[\\w.+-]+/[\\w.+-]+") || mediaType.length() > 200)) {
			mediaType = null;
		}
		String format = first(Vocabularies.format(declared).orElse(null), Vocabularies.format(mediaType).orElse(null),
				Vocabularies.formatOfUrl(url).orElse(null));
		if (format == null && declared != null && declared.length() <= 100) {
			format = declared;
		}
		String downloadUrl = JsonSource.text(resource, "download_url");
		if (!JsonSource.isHttp(downloadUrl)) {
			boolean file = "upload".equals(JsonSource.text(resource, "url_type")) || format != null
					&& Vocabularies.format(format).map(f -> !f.equals("HTML") && !f.endsWith("_SRVC")).orElse(false);
			downloadUrl = file && JsonSource.isHttp(url) ? url : null;
		}
		Map<String, String> title = JsonSource.texts(resource.get("name_translated"), language, 500);
		if (title.isEmpty()) {
			title = JsonSource.texts(resource.get("name"), language, 500);
		}
		Map<String, String> description = JsonSource.texts(resource.get("description_translated"), language, 2000);
		if (description.isEmpty()) {
			description = JsonSource.texts(resource.get("description"), language, 2000);
		}
		JsonNode size = resource.get("size");
		Long byteSize = size != null && size.isNumber() && size.asLong() >= 0 ? size.asLong() : null;
		String licence = licence(JsonSource.text(resource, "license"));
		Instant modified = first(LooseDates.instant(JsonSource.text(resource, "last_modified")),
				LooseDates.instant(JsonSource.text(resource, "metadata_modified")));
		return new DistributionRecord(uri, title, description, accessUrl, downloadUrl, format, mediaType, licence,
				byteSize, modified);
	}
}
