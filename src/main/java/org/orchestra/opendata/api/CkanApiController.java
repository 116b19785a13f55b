package org.orchestra.opendata.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.orchestra.opendata.Dataset;
import org.orchestra.opendata.OpenData;
import org.orchestra.opendata.OpendataProperties;
import org.orchestra.opendata.Publisher;
import org.orchestra.opendata.SearchCriteria;
import org.orchestra.opendata.SearchQuery;
import org.orchestra.opendata.SearchResult;
import org.orchestra.opendata.Texts;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CKAN-compatible read API (Action API v3) over the catalogue, so that CKAN clients and harvesters (ckanext-harvest's
 * CKAN harvester, udata's, piveau's) read it unchanged: {@code package_search}, {@code package_show}, {@code
 * package_list}, {@code organization_list}, {@code organization_show}, {@code tag_list} and {@code help_show}, by GET with parameters or
 * by POST with a JSON object (as ckanapi sends them); none of them writes. Answers are CKAN's envelope {@code
 * {"help", "success", "result"}}; refusals are CKAN's error shapes and statuses: 404 {@code Not Found Error}, 409
 * {@code Validation Error} with messages by field, 400 for an unknown action.
 */
@RestController
@RequestMapping("/api/3/action")
@Tag(name = "CKAN-compatible read API", description = "CKAN Action API v3 (read actions) over the open-data catalogue")
class CkanApiController {

	static final int ROWS_MAX = 1000;
	static final int ROWS_DEFAULT = 10;
	static final int ORGANIZATIONS_MAX = 1000;
	static final int ORGANIZATIONS_ALL_FIELDS_MAX = 25;
	static final int ORGANIZATION_PACKAGES_MAX = 1000;
	static final int TAGS_MAX = 100_000;
	static final int BODY_MAX = 64 * 1024;

	static final int PACKAGE_LIST_MAX = 1_000_000;

	static final List<String> ACTIONS = List.of("package_search", "package_show", "package_list", "organization_list",
			"organization_show", "tag_list", "help_show");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OpenData openData;
	private final MessageSource messages;
	private final OpendataProperties properties;
	private final CkanPackages packages;

	CkanApiController(OpenData openData, MessageSource messages, OpendataProperties properties) {
		this.openData = openData;
		this.messages = messages;
		this.properties = properties;
		this.packages = new CkanPackages(messages);
	}

	/** A refusal in CKAN's shape: the error type, and either a message or messages by field. */
	static final class CkanError extends RuntimeException {

		final int status;
		final String type;
		final @Nullable String messageKey;
		final Object[] arguments;
		final @Nullable String field;

		CkanError(int status, String type, @Nullable String messageKey, @Nullable String field, Object... arguments) {
			super(type, null, false, false);
			this.status = status;
			this.type = type;
			this.messageKey = messageKey;
			this.field = field;
			this.arguments = arguments;
		}

		static CkanError notFound() {
			return new CkanError(404, "Not Found Error", "opendata.ckan.error.not-found", null);
		}

		static CkanError invalid(String field, String key, Object... arguments) {
			return new CkanError(409, "Validation Error", key, field, arguments);
		}
	}

	@GetMapping("/{action}")
	@Operation(summary = "Runs a read action of CKAN's Action API v3 with query parameters")
	ResponseEntity<byte[]> get(@Parameter(description = "package_search, package_show, package_list, "
			+ "organization_list, organization_show, tag_list or help_show") @PathVariable String action, HttpServletRequest request,
			Locale locale) {
		Map<String, String> params = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (values.length > 0) {
				params.put(name, values[0]);
			}
		});
		return run(action, params, locale);
	}

	@PostMapping("/{action}")
	@Operation(summary = "Runs a read action of CKAN's Action API v3 with a JSON object (or form) of parameters")
	ResponseEntity<byte[]> post(@PathVariable String action, HttpServletRequest request, Locale locale)
			throws IOException {
		Map<String, String> params = new HashMap<>();
		String type = request.getContentType();
		if (type != null && type.toLowerCase(Locale.ROOT).contains("json")) {
			byte[] body;
			try (InputStream in = request.getInputStream()) {
				body = in.readNBytes(BODY_MAX + 1);
			}
			if (body.length > BODY_MAX) {
				return answer(action, CkanError.invalid("__body", "opendata.ckan.error.body"), locale);
			}
			if (body.length > 0) {
				JsonNode node;
				try {
					node = JSON.readTree(body);
				}
				catch (JacksonException ex) {
					return answer(action, CkanError.invalid("__body", "opendata.ckan.error.body"), locale);
				}
				if (node == null || !node.isObject()) {
					return answer(action, CkanError.invalid("__body", "opendata.ckan.error.body"), locale);
				}
				for (Map.Entry<String, JsonNode> entry : node.properties()) {
					JsonNode value = entry.getValue();
					params.put(entry.getKey(), value.isString() ? value.asString() : value.toString());
				}
			}
		}
		else {
			request.getParameterMap().forEach((name, values) -> {
				if (values.length > 0) {
					params.put(name, values[0]);
				}
			});
		}
		return run(action, params, locale);
	}

	private ResponseEntity<byte[]> run(String action, Map<String, String> params, Locale locale) {
		try {
			Object result = switch (action) {
				case "package_search" -> packageSearch(params);
				case "package_show" -> packageShow(params);
				case "package_list" -> openData.publishedNames(
						Math.min(PACKAGE_LIST_MAX, natural(params, "limit", PACKAGE_LIST_MAX)), natural(params, "offset", 0));
				case "organization_list" -> organizationList(params);
				case "organization_show" -> organizationShow(params);
				case "tag_list" -> tagList(params);
				case "help_show" -> helpShow(params, locale);
				default -> throw new CkanError(400, "Bad Request", "opendata.ckan.error.unknown-action", null,
						action.length() > 100 ? action.substring(0, 100) : action);
			};
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("help", help(action));
			body.put("success", true);
			body.put("result", result);
			return json(200, body);
		}
		catch (CkanError error) {
			return answer(action, error, locale);
		}
		catch (CkanFilters.Unsupported unsupported) {
			return answer(action, CkanError.invalid("fq", unsupported.key, unsupported.term), locale);
		}
	}

	private ResponseEntity<byte[]> answer(String action, CkanError error, Locale locale) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("__type", error.type);
		String message = error.messageKey == null ? error.type
				: messages.getMessage(error.messageKey, error.arguments, error.messageKey, locale);
		if (error.field != null) {
			detail.put(error.field, List.of(message));
		}
		else {
			detail.put("message", message);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("help", help(action));
		body.put("success", false);
		body.put("error", detail);
		return json(error.status, body);
	}

	private String help(String action) {
		return properties.baseUri() + "/api/3/action/help_show?name="
				+ URLEncoder.encode(action.length() > 100 ? action.substring(0, 100) : action, StandardCharsets.UTF_8);
	}

	private static ResponseEntity<byte[]> json(int status, Map<String, Object> body) {
		return ResponseEntity.status(status)
			.contentType(new MediaType("application", "json", StandardCharsets.UTF_8))
			.body(JSON.writeValueAsBytes(body));
	}

	private Map<String, Object> packageSearch(Map<String, String> params) {
		String q = params.getOrDefault("q", "").strip();
		if ("*:*".equals(q) || "*".equals(q)) {
			q = "";
		}
		if (q.length() > 1000) {
			throw CkanError.invalid("q", "opendata.ckan.error.too-long");
		}
		int rows = Math.min(ROWS_MAX, natural(params, "rows", ROWS_DEFAULT));
		int start = natural(params, "start", 0);
		String sortParam = params.getOrDefault("sort", "score desc, metadata_modified desc").strip();
		SearchQuery.Sort sort = sort(sortParam);
		List<String> facetFields = facetFields(params.get("facet.field"));
		CkanFilters.Parsed filters = CkanFilters.parse(params.get("fq"));
		Map<String, Object> result = new LinkedHashMap<>();
		if (filters.impossible()) {
			result.put("count", 0);
			result.put("sort", sortParam);
			result.put("facets", emptyFacets(facetFields));
			result.put("results", List.of());
			result.put("search_facets", emptySearchFacets(facetFields));
			return result;
		}
		SearchQuery query = new SearchQuery(q, Map.of(), sort, 0, Math.max(1, rows), CkanPackages.LANGUAGE);
		SearchResult found = openData.search(query, filters.criteria(), start, !facetFields.isEmpty());
		Map<String, Publisher> publishers = publishers();
		List<Map<String, Object>> results = new ArrayList<>();
		if (rows > 0) {
			for (Dataset dataset : found.datasets()) {
				results.add(packages.packageDict(dataset, publisher(publishers, dataset), null));
			}
		}
		Map<String, Object> facets = new LinkedHashMap<>();
		Map<String, Object> searchFacets = new LinkedHashMap<>();
		for (String field : facetFields) {
			String facet = CkanFilters.FIELDS.get(field);
			List<SearchResult.FacetCount> values = facet == null ? List.of()
					: found.facets().getOrDefault(facet, List.of());
			Map<String, Long> byValue = new LinkedHashMap<>();
			List<Map<String, Object>> items = new ArrayList<>();
			for (SearchResult.FacetCount count : values) {
				String name = SearchQuery.THEME.equals(facet) ? count.value().toLowerCase(Locale.ROOT) : count.value();
				byValue.put(name, count.count());
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("name", name);
				item.put("display_name", displayName(facet, count.value(), publishers));
				item.put("count", count.count());
				items.add(item);
			}
			facets.put(field, byValue);
			Map<String, Object> searchFacet = new LinkedHashMap<>();
			searchFacet.put("title", field);
			searchFacet.put("items", items);
			searchFacets.put(field, searchFacet);
		}
		result.put("count", found.total());
		result.put("sort", sortParam);
		result.put("facets", facets);
		result.put("results", results);
		result.put("search_facets", searchFacets);
		return result;
	}

	private String displayName(@Nullable String facet, String value, Map<String, Publisher> publishers) {
		if (SearchQuery.PUBLISHER.equals(facet)) {
			Publisher publisher = publishers.get(value);
			return publisher == null ? value : Texts.pick(publisher.name(), CkanPackages.LANGUAGE);
		}
		if (SearchQuery.THEME.equals(facet)) {
			return packages.themeTitle(value);
		}
		if (SearchQuery.LICENCE.equals(facet)) {
			return packages.licenceTitle(value);
		}
		return value;
	}

	private static Map<String, Object> emptyFacets(List<String> fields) {
		Map<String, Object> facets = new LinkedHashMap<>();
		fields.forEach(f -> facets.put(f, Map.of()));
		return facets;
	}

	private static Map<String, Object> emptySearchFacets(List<String> fields) {
		Map<String, Object> facets = new LinkedHashMap<>();
		fields.forEach(f -> facets.put(f, Map.of("title", f, "items", List.of())));
		return facets;
	}

	/** The sort orders CKAN clients ask for, by their first key. */
	private static SearchQuery.Sort sort(String sort) {
		String first = sort.toLowerCase(Locale.ROOT).split(",")[0].strip().replaceAll("\\s+", " ");
		return switch (first) {
			case "score desc", "" -> SearchQuery.Sort.RELEVANCE;
			case "metadata_modified desc" -> SearchQuery.Sort.UPDATED;
			case "title_string asc", "name asc", "title asc" -> SearchQuery.Sort.TITLE;
			case "id asc" -> SearchQuery.Sort.ID;
			default -> throw CkanError.invalid("sort", "opendata.ckan.error.sort");
		};
	}

	/** {@code facet.field}: a JSON list of field names. */
	private static List<String> facetFields(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		try {
			JsonNode node = JSON.readTree(value);
			if (node == null || !node.isArray()) {
				throw CkanError.invalid("facet.field", "opendata.ckan.error.facet-field");
			}
			List<String> fields = new ArrayList<>();
			for (JsonNode field : node) {
				if (!field.isString()) {
					throw CkanError.invalid("facet.field", "opendata.ckan.error.facet-field");
				}
				if (!fields.contains(field.asString()) && fields.size() < 20) {
					fields.add(field.asString());
				}
			}
			return fields;
		}
		catch (JacksonException ex) {
			throw CkanError.invalid("facet.field", "opendata.ckan.error.facet-field");
		}
	}

	private Map<String, Object> packageShow(Map<String, String> params) {
		String id = required(params, "id");
		Optional<Dataset> dataset = id.length() > 200 ? Optional.empty() : openData.dataset(id);
		if (dataset.isEmpty()) {
			try {
				dataset = openData.dataset(UUID.fromString(id));
			}
			catch (IllegalArgumentException ex) {
				dataset = Optional.empty();
			}
		}
		Dataset found = dataset.orElseThrow(CkanError::notFound);
		Publisher publisher = found.publisherId() == null ? null
				: openData.publisher(found.publisherId()).orElse(null);
		return packages.packageDict(found, publisher, null);
	}

	private Object organizationList(Map<String, String> params) {
		boolean allFields = bool(params, "all_fields", false);
		int limit = Math.min(allFields ? ORGANIZATIONS_ALL_FIELDS_MAX : ORGANIZATIONS_MAX,
				natural(params, "limit", allFields ? ORGANIZATIONS_ALL_FIELDS_MAX : ORGANIZATIONS_MAX));
		int offset = natural(params, "offset", 0);
		String q = params.getOrDefault("q", "").strip();
		String sort = params.getOrDefault("sort", "title asc").toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
		Comparator<Publisher> order = switch (sort) {
			case "title asc", "title", "" -> Comparator.comparing(CkanApiController::sortTitle);
			case "title desc" -> Comparator.comparing(CkanApiController::sortTitle).reversed();
			case "name asc", "name" -> Comparator.comparing(Publisher::id);
			case "name desc" -> Comparator.comparing(Publisher::id).reversed();
			case "package_count desc", "package_count" -> null;
			default -> throw CkanError.invalid("sort", "opendata.ckan.error.sort");
		};
		Map<String, Long> counts = openData.publishedByPublisher();
		if (order == null) {
			order = Comparator.<Publisher>comparingLong(p -> counts.getOrDefault(p.id(), 0L)).reversed()
				.thenComparing(Publisher::id);
		}
		else {
			order = order.thenComparing(Publisher::id);
		}
		String folded = Texts.fold(q);
		List<Publisher> all = openData.publishers()
			.stream()
			.filter(p -> folded.isEmpty() || Texts.fold(p.id()).contains(folded)
					|| p.name().values().stream().anyMatch(n -> Texts.fold(n).contains(folded)))
			.sorted(order)
			.skip(offset)
			.limit(limit)
			.toList();
		if (!allFields) {
			return all.stream().map(Publisher::id).toList();
		}
		return all.stream().map(p -> packages.organizationDict(p, counts.getOrDefault(p.id(), 0L), true)).toList();
	}

	private static String sortTitle(Publisher publisher) {
		return Texts.sortKey(Texts.pick(publisher.name(), CkanPackages.LANGUAGE));
	}

	private Map<String, Object> organizationShow(Map<String, String> params) {
		String id = required(params, "id");
		Publisher publisher = (id.length() > 80 ? Optional.<Publisher>empty() : openData.publisher(id))
			.orElseThrow(CkanError::notFound);
		long count = openData.publishedByPublisher().getOrDefault(publisher.id(), 0L);
		Map<String, Object> organization = packages.organizationDict(publisher, count, true);
		if (bool(params, "include_datasets", false)) {
			SearchResult found = openData.search(
					new SearchQuery("", Map.of(SearchQuery.PUBLISHER, List.of(publisher.id())), SearchQuery.Sort.TITLE,
							0, ORGANIZATION_PACKAGES_MAX, CkanPackages.LANGUAGE),
					SearchCriteria.none(), 0, false);
			organization.put("packages",
					found.datasets().stream().map(d -> packages.packageDict(d, publisher, null)).toList());
		}
		return organization;
	}

	private Object tagList(Map<String, String> params) {
		String query = params.getOrDefault("query", params.getOrDefault("q", "")).strip();
		if (query.length() > 200) {
			throw CkanError.invalid("query", "opendata.ckan.error.too-long");
		}
		List<String> tags = openData.keywords(query, TAGS_MAX);
		if (!bool(params, "all_fields", false)) {
			return tags;
		}
		return tags.stream().map(tag -> {
			Map<String, Object> dict = new LinkedHashMap<>();
			dict.put("id", UUID.nameUUIDFromBytes(tag.getBytes(StandardCharsets.UTF_8)).toString());
			dict.put("name", tag);
			dict.put("display_name", tag);
			dict.put("vocabulary_id", null);
			return dict;
		}).toList();
	}

	private String helpShow(Map<String, String> params, Locale locale) {
		String name = required(params, "name");
		if (!ACTIONS.contains(name)) {
			throw CkanError.notFound();
		}
		return messages.getMessage("opendata.ckan.help." + name, null, name, locale);
	}

	private Map<String, Publisher> publishers() {
		return openData.publishers().stream().collect(Collectors.toMap(Publisher::id, Function.identity(), (a, b) -> a));
	}

	private static @Nullable Publisher publisher(Map<String, Publisher> publishers, Dataset dataset) {
		return dataset.publisherId() == null ? null : publishers.get(dataset.publisherId());
	}

	private static String required(Map<String, String> params, String name) {
		String value = params.get(name);
		if (value == null || value.isBlank()) {
			throw CkanError.invalid(name, "opendata.ckan.error.missing");
		}
		return value.strip();
	}

	/** A natural number parameter (0 or more), as CKAN validates them. */
	private static int natural(Map<String, String> params, String name, int fallback) {
		String value = params.get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		int number;
		try {
			number = Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw CkanError.invalid(name, "opendata.ckan.error.integer");
		}
		if (number < 0) {
			throw CkanError.invalid(name, "opendata.ckan.error.natural");
		}
		return number;
	}

	private static boolean bool(Map<String, String> params, String name, boolean fallback) {
		String value = params.get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "true", "1", "yes", "on" -> true;
			case "false", "0", "no", "off" -> false;
			default -> throw CkanError.invalid(name, "opendata.ckan.error.boolean");
		};
	}
}
