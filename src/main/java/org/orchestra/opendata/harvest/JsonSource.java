package org.orchestra.opendata.harvest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.orchestra.opendata.Vocabularies;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the JSON answers of catalogue APIs (CKAN, Opendatasoft) defensively: any value may be missing, of the
 * wrong type, multilingual or not, too long; an answer that is not JSON fails the run.
 */
final class JsonSource {

	/** Longest title, description and keyword kept, and how many keywords. */
	static final int MAX_TITLE = 1000;
	static final int MAX_DESCRIPTION = 15_000;
	static final int MAX_KEYWORD = 100;
	static final int MAX_KEYWORDS = 60;
	static final int MAX_LANGUAGES = 6;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern TAG = Pattern.compile("<[^>]*>");
	private static final Pattern PARAGRAPH_END = Pattern.compile("(?i)</(p|div|h[1-6]|ul|ol|table)>");
	private static final Pattern LINE_END = Pattern.compile("(?i)<br\\s*/?>|</(li|tr)>");
	private static final Pattern LANGUAGE_KEY = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})?");

	private JsonSource() {
	}

	/** The answer as a JSON object; anything else fails the run. */
	static JsonNode object(SourceClient.Response response) {
		JsonNode root;
		try {
			root = JSON.readTree(response.body());
		}
		catch (JacksonException e) {
			String problem = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
			throw new HarvestFailure("Invalid JSON from " + response.url() + ": "
					+ (problem.length() > 200 ? problem.substring(0, 200) : problem));
		}
		if (root == null || !root.isObject()) {
			throw new HarvestFailure("Unexpected answer from " + response.url() + ": not a JSON object");
		}
		return root;
	}

	/** A scalar as text, stripped; null when missing, blank or not a scalar. */
	static @Nullable String text(@Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode() || node.isContainer()) {
			return null;
		}
		String text = node.isString() ? node.stringValue() : node.asString();
		return text == null || text.isBlank() ? null : text.strip();
	}

	static @Nullable String text(JsonNode object, String field) {
		return text(object.get(field));
	}

	/** A text clipped to a length. */
	static String clip(String text, int max) {
		return text.length() > max ? text.substring(0, max) : text;
	}

	/** The language key of a text as the catalogue stores it: an ISO code when known, else the key lower-cased. */
	static @Nullable String languageKey(String key) {
		String k = key.strip().toLowerCase(Locale.ROOT);
		if (k.isEmpty()) {
			return "";
		}
		String known = Vocabularies.language(k).orElse(null);
		if (known != null) {
			return known;
		}
		return LANGUAGE_KEY.matcher(k).matches() ? k : null;
	}

	/**
	 * Texts by language: a JSON object of language → text (ckanext-fluent style), or one text under the given
	 * language ({@code ""} when unknown). Each text is clipped to {@code max} characters, and languages beyond
	 * three times that in all are left out (so that the texts fit where the catalogue keeps them).
	 */
	static Map<String, String> texts(@Nullable JsonNode node, String language, int max) {
		Map<String, String> texts = new LinkedHashMap<>();
		if (node == null) {
			return texts;
		}
		if (node.isObject()) {
			int total = 0;
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				String key = languageKey(entry.getKey());
				String value = text(entry.getValue());
				if (key == null || value == null || texts.containsKey(key) || texts.size() >= MAX_LANGUAGES) {
					continue;
				}
				String clipped = clip(value, max);
				if (total + clipped.length() > 3 * max) {
					continue;
				}
				total += clipped.length();
				texts.put(key, clipped);
			}
			return texts;
		}
		String value = text(node);
		if (value != null) {
			texts.put(language, clip(value, max));
		}
		return texts;
	}

	/**
	 * Strings of an array (of strings or of objects with one of the given fields), of a single string, or of a
	 * string holding a JSON array or a comma-separated list.
	 */
	static List<String> strings(@Nullable JsonNode node, String... fields) {
		List<String> values = new ArrayList<>();
		if (node == null || node.isNull() || node.isMissingNode()) {
			return values;
		}
		if (node.isArray()) {
			for (JsonNode item : node) {
				if (item.isObject()) {
					for (String field : fields) {
						String value = text(item, field);
						if (value != null) {
							values.add(value);
							break;
						}
					}
				}
				else {
					String value = text(item);
					if (value != null) {
						values.add(value);
					}
				}
			}
			return values;
		}
		String text = text(node);
		if (text == null) {
			return values;
		}
		if (text.startsWith("[")) {
			try {
				return strings(JSON.readTree(text), fields);
			}
			catch (JacksonException e) {
				// not a JSON list: read it as a comma-separated one
			}
		}
		for (String part : text.replaceAll("^\\[|]$", "").split("\\s*[,;]\\s*")) {
			String value = part.replace("\"", "").strip();
			if (!value.isEmpty()) {
				values.add(value);
			}
		}
		return values;
	}

	/** Keywords: distinct (case-insensitive), clipped, at most {@link #MAX_KEYWORDS}. */
	static List<String> keywords(List<String> values) {
		Set<String> seen = new LinkedHashSet<>();
		List<String> keywords = new ArrayList<>();
		for (String value : values) {
			String keyword = clip(value.strip(), MAX_KEYWORD);
			if (!keyword.isEmpty() && keywords.size() < MAX_KEYWORDS && seen.add(keyword.toLowerCase(Locale.ROOT))) {
				keywords.add(keyword);
			}
		}
		return keywords;
	}

	/** Language codes of values such as {@code fr}, {@code FRA}, an EU language IRI; distinct. */
	static List<String> languages(List<String> values) {
		Set<String> languages = new LinkedHashSet<>();
		for (String value : values) {
			Vocabularies.language(value).ifPresent(languages::add);
		}
		return List.copyOf(languages).subList(0, Math.min(languages.size(), MAX_LANGUAGES));
	}

	/** Text of an HTML fragment: block ends as line breaks, tags removed, common entities decoded. */
	static String plain(String html) {
		if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
			return html.strip();
		}
		String text = PARAGRAPH_END.matcher(html).replaceAll("\n\n");
		text = LINE_END.matcher(text).replaceAll("\n");
		text = TAG.matcher(text).replaceAll("");
		text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
			.replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
		return text.replaceAll("[ \\t]+", " ").replaceAll(" *\\n *", "\n").replaceAll("\n{3,}", "\n\n").strip();
	}

	/** Whether a value is an http(s) URL. */
	static boolean isHttp(@Nullable String value) {
		if (value == null) {
			return false;
		}
		String v = value.toLowerCase(Locale.ROOT);
		return (v.startsWith("http://") || v.startsWith("https://")) && value.length() <= 1000
				&& value.chars().noneMatch(Character::isWhitespace);
	}

	/** An e-mail address without {@code mailto:}, if it looks like one. */
	static @Nullable String email(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String v = value.strip().replaceFirst("(?i)^mailto:", "");
		return v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") && v.length() <= 320 ? v : null;
	}

	/**
	 * The bounding box ({@code minx,miny,maxx,maxy}) of a GeoJSON geometry or feature, given as JSON or as a string
	 * holding JSON, if it has coordinates.
	 */
	static @Nullable String bbox(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		JsonNode geometry = node;
		if (node.isString()) {
			String text = node.stringValue().strip();
			if (!text.startsWith("{")) {
				return null;
			}
			try {
				geometry = JSON.readTree(text);
			}
			catch (JacksonException e) {
				return null;
			}
		}
		double[] box = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
		collect(geometry, box, 0);
		if (box[0] > box[2] || box[1] > box[3]) {
			return null;
		}
		return number(box[0]) + "," + number(box[1]) + "," + number(box[2]) + "," + number(box[3]);
	}

	private static void collect(JsonNode node, double[] box, int depth) {
		if (depth > 12) {
			return;
		}
		if (node.isObject()) {
			for (String field : List.of("coordinates", "geometry", "geometries", "features", "geo_point_2d")) {
				JsonNode child = node.get(field);
				if (child != null) {
					collect(child, box, depth + 1);
				}
			}
			if (node.get("lon") != null && node.get("lat") != null && node.get("lon").isNumber()) {
				add(box, node.get("lon").asDouble(), node.get("lat").asDouble());
			}
			return;
		}
		if (node.isArray()) {
			if (node.size() >= 2 && node.get(0).isNumber() && node.get(1).isNumber()) {
				add(box, node.get(0).asDouble(), node.get(1).asDouble());
				return;
			}
			for (JsonNode item : node) {
				collect(item, box, depth + 1);
			}
		}
	}

	private static void add(double[] box, double x, double y) {
		if (Double.isFinite(x) && Double.isFinite(y)) {
			box[0] = Math.min(box[0], x);
			box[1] = Math.min(box[1], y);
			box[2] = Math.max(box[2], x);
			box[3] = Math.max(box[3], y);
		}
	}

	private static String number(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}
}
