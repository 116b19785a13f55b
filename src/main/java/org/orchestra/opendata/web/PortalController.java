package org.orchestra.opendata.web;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.orchestra.opendata.Dataset;
import org.orchestra.opendata.DatasetStatus;
import org.orchestra.opendata.DatasetUsage;
import org.orchestra.opendata.Distribution;
import org.orchestra.opendata.DistributionPreview;
import org.orchestra.opendata.KeywordLabels;
import org.orchestra.opendata.OpenData;
import org.orchestra.opendata.OpendataException;
import org.orchestra.opendata.Publisher;
import org.orchestra.opendata.PublisherDirectory;
import org.orchestra.opendata.QualityScore;
import org.orchestra.opendata.SearchQuery;
import org.orchestra.opendata.SearchResult;
import org.orchestra.opendata.Texts;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The open-data portal everyone uses: search with facets, sorting and paging; a dataset's page with its
 * distributions, a preview of CSV and GeoJSON data and its quality; downloads through a counting redirect; the
 * publishers. No cookie is set and nothing identifies a visitor.
 */
@Controller
class PortalController {

	static final int PAGE_SIZE = 20;
	static final int MAX_TEXT = 200;
	static final int MAX_FILTER_VALUES = 20;

	/** The search sorts, as written in URLs. */
	static final Map<String, SearchQuery.Sort> SORTS = Map.of("relevance", SearchQuery.Sort.RELEVANCE, "title",
			SearchQuery.Sort.TITLE, "modified", SearchQuery.Sort.MODIFIED, "quality", SearchQuery.Sort.QUALITY);

	private final OpenData openData;
	private final PublisherDirectory directory;
	private final DatasetUsage usage;
	private final DistributionPreview preview;
	private final MessageSource messages;
	private final KeywordLabels keywordLabels;

	PortalController(OpenData openData, PublisherDirectory directory, DatasetUsage usage, DistributionPreview preview,
			MessageSource messages, KeywordLabels keywordLabels) {
		this.keywordLabels = keywordLabels;
		this.openData = openData;
		this.directory = directory;
		this.usage = usage;
		this.preview = preview;
		this.messages = messages;
	}

	// ---- search ----

	/** A facet with its values and counts; each value links to the search with it added (or removed). */
	record FacetView(String name, List<FacetValue> values) {
	}

	record FacetValue(String value, String label, long count, boolean selected, String href) {
	}

	/** A filter in force, with the link that removes it. */
	record ActiveFilter(String facet, String label, String removeHref) {
	}

	/** A sort option with its link. */
	record SortOption(String name, boolean current, String href) {
	}

	@GetMapping("/opendata")
	String search(@RequestParam MultiValueMap<String, String> params, Model model, Locale locale,
			HttpServletResponse response) {
		return guarded(model, response, () -> searchPage(params, model, locale));
	}

	private String searchPage(MultiValueMap<String, String> params, Model model, Locale locale) {
		String language = language(locale);
		String text = single(params, "q");
		if (text.length() > MAX_TEXT) {
			throw new OpendataException("opendata.error.query-too-long", 400);
		}
		String sortName = single(params, "sort");
		if (sortName.isEmpty()) {
			sortName = "relevance";
		}
		SearchQuery.Sort sort = SORTS.get(sortName);
		if (sort == null) {
			throw new OpendataException("opendata.error.sort", 400);
		}
		int page = pageNumber(single(params, "page"));
		Map<String, List<String>> filters = filters(params);
		SearchResult result = openData.search(new SearchQuery(text, filters, sort, page - 1, PAGE_SIZE, language));

		Set<String> publisherIds = new HashSet<>();
		result.datasets().forEach(d -> {
			if (d.publisherId() != null) {
				publisherIds.add(d.publisherId());
			}
		});
		result.facets().getOrDefault(SearchQuery.PUBLISHER, List.of()).forEach(f -> publisherIds.add(f.value()));
		publisherIds.addAll(filters.getOrDefault(SearchQuery.PUBLISHER, List.of()));
		Set<String> keywords = new HashSet<>(filters.getOrDefault(SearchQuery.KEYWORD, List.of()));
		result.facets().getOrDefault(SearchQuery.KEYWORD, List.of()).forEach(f -> keywords.add(f.value()));
		Labels labels = new Labels(messages, locale, directory.byId(publisherIds), keywordLabels.labels(keywords));

		MultiValueMap<String, String> state = new LinkedMultiValueMap<>();
		if (!text.isEmpty()) {
			state.add("q", text);
		}
		filters.forEach((facet, values) -> values.forEach(v -> state.add(facet, v)));
		if (!"relevance".equals(sortName)) {
			state.add("sort", sortName);
		}

		List<FacetView> facets = new ArrayList<>();
		result.facets().forEach((facet, counts) -> {
			List<String> selected = filters.getOrDefault(facet, List.of());
			List<FacetValue> values = new ArrayList<>();
			for (SearchResult.FacetCount count : counts) {
				boolean on = selected.contains(count.value());
				values.add(new FacetValue(count.value(), labels.facet(facet, count.value()), count.count(), on,
						on ? href("/opendata", without(state, facet, count.value()))
								: href("/opendata", with(state, facet, count.value()))));
			}
			if (!values.isEmpty()) {
				facets.add(new FacetView(facet, values));
			}
		});
		List<ActiveFilter> active = new ArrayList<>();
		filters.forEach((facet, values) -> values.forEach(v -> active
			.add(new ActiveFilter(facet, labels.facet(facet, v), href("/opendata", without(state, facet, v))))));
		List<SortOption> sorts = new ArrayList<>();
		for (String name : List.of("relevance", "title", "modified", "quality")) {
			MultiValueMap<String, String> sorted = copy(state);
			sorted.remove("sort");
			if (!"relevance".equals(name)) {
				sorted.add("sort", name);
			}
			sorts.add(new SortOption(name, name.equals(sortName), href("/opendata", sorted)));
		}

		model.addAttribute("result", result);
		model.addAttribute("text", text);
		model.addAttribute("sort", sortName);
		model.addAttribute("page", page);
		model.addAttribute("pages", result.pages());
		model.addAttribute("facets", facets);
		model.addAttribute("active", active);
		model.addAttribute("sorts", sorts);
		model.addAttribute("filters", filters);
		model.addAttribute("labels", labels);
		model.addAttribute("previousHref", page > 1 ? href("/opendata", withPage(state, page - 1)) : null);
		model.addAttribute("nextHref", page < result.pages() ? href("/opendata", withPage(state, page + 1)) : null);
		model.addAttribute("clearHref", text.isEmpty() ? "/opendata" : href("/opendata", withQuery(text)));
		return "opendata/search";
	}

	private static MultiValueMap<String, String> withQuery(String text) {
		MultiValueMap<String, String> only = new LinkedMultiValueMap<>();
		only.add("q", text);
		return only;
	}

	static String language(Locale locale) {
		return switch (locale.getLanguage()) {
			case "nl", "en" -> locale.getLanguage();
			default -> "fr";
		};
	}

	private static String single(MultiValueMap<String, String> params, String name) {
		List<String> values = params.get(name);
		if (values == null || values.isEmpty() || values.getFirst() == null) {
			return "";
		}
		if (values.size() > 1) {
			throw new OpendataException("opendata.error.parameter", 400);
		}
		return values.getFirst().strip();
	}

	static int pageNumber(String value) {
		if (value.isEmpty()) {
			return 1;
		}
		try {
			int page = Integer.parseInt(value);
			if (page < 1 || page > 100_000) {
				throw new OpendataException("opendata.error.page", 400);
			}
			return page;
		}
		catch (NumberFormatException e) {
			throw new OpendataException("opendata.error.page", 400);
		}
	}

	private static Map<String, List<String>> filters(MultiValueMap<String, String> params) {
		Map<String, List<String>> filters = new LinkedHashMap<>();
		for (String facet : SearchQuery.FACETS) {
			List<String> values = params.get(facet);
			if (values == null) {
				continue;
			}
			List<String> kept = values.stream()
				.filter(v -> v != null && !v.isBlank())
				.map(v -> SearchQuery.KEYWORD.equals(facet) ? KeywordLabels.fold(v) : v.strip())
				.distinct()
				.toList();
			if (kept.size() > MAX_FILTER_VALUES || kept.stream().anyMatch(v -> v.length() > MAX_TEXT)) {
				throw new OpendataException("opendata.error.parameter", 400);
			}
			if (!kept.isEmpty()) {
				filters.put(facet, kept);
			}
		}
		return filters;
	}

	private static MultiValueMap<String, String> copy(MultiValueMap<String, String> state) {
		MultiValueMap<String, String> copy = new LinkedMultiValueMap<>();
		state.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
		return copy;
	}

	private static MultiValueMap<String, String> with(MultiValueMap<String, String> state, String facet, String value) {
		MultiValueMap<String, String> copy = copy(state);
		copy.add(facet, value);
		return copy;
	}

	private static MultiValueMap<String, String> without(MultiValueMap<String, String> state, String facet,
			String value) {
		MultiValueMap<String, String> copy = copy(state);
		List<String> values = copy.get(facet);
		if (values != null) {
			values.remove(value);
			if (values.isEmpty()) {
				copy.remove(facet);
			}
		}
		return copy;
	}

	private static MultiValueMap<String, String> withPage(MultiValueMap<String, String> state, int page) {
		MultiValueMap<String, String> copy = copy(state);
		if (page > 1) {
			copy.add("page", Integer.toString(page));
		}
		return copy;
	}

	static String href(String path, MultiValueMap<String, String> params) {
		return UriComponentsBuilder.fromPath(path).queryParams(params).encode().build().toUriString();
	}

	// ---- dataset ----

	/** A distribution as the page lists it. */
	record DistributionView(Distribution distribution, String title, String format, String downloadHref,
			@Nullable String previewKind) {
	}

	/** One dimension of the quality score. */
	record Dimension(String name, int score, int max) {
	}

	@GetMapping(path = "/opendata/datasets/{slug}", produces = { MediaType.TEXT_HTML_VALUE, MediaType.ALL_VALUE })
	String dataset(@PathVariable("slug") String slug, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		return guarded(model, response, () -> datasetPage(slug, model, locale, request, response));
	}

	private String datasetPage(String slug, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		Dataset dataset = openData.dataset(slug).orElseThrow(() -> new OpendataException("opendata.error.not-found", 404));
		String language = language(locale);
		Set<String> publisherIds = new HashSet<>();
		if (dataset.publisherId() != null) {
			publisherIds.add(dataset.publisherId());
		}
		Map<String, Publisher> publishers = directory.byId(publisherIds);
		Labels labels = new Labels(messages, locale, publishers);
		model.addAttribute("dataset", dataset);
		model.addAttribute("labels", labels);
		model.addAttribute("datasetTitle", dataset.titleIn(language));
		if (dataset.status() == DatasetStatus.WITHDRAWN) {
			response.setStatus(HttpStatus.GONE.value());
			return "opendata/withdrawn";
		}
		if ("GET".equals(request.getMethod())) {
			usage.recordView(dataset.id(), request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
		}
		model.addAttribute("description", dataset.descriptionIn(language));
		Publisher publisher = dataset.publisherId() == null ? null : publishers.get(dataset.publisherId());
		model.addAttribute("publisher", publisher);

		List<DistributionView> distributions = new ArrayList<>();
		DistributionPreview.Result csv = null;
		DistributionPreview.Result geojson = null;
		String csvTitle = null;
		String geojsonTitle = null;
		for (Distribution d : dataset.distributions()) {
			String kind = DistributionPreview.kindOf(d);
			String title = Texts.pick(d.title(), language);
			if (title.isBlank()) {
				title = labels.format(d.format());
			}
			distributions.add(new DistributionView(d, title, labels.format(d.format()),
					"/opendata/datasets/" + dataset.slug() + "/distributions/" + d.id() + "/download",
					kind));
			if ("CSV".equals(kind) && csv == null) {
				csv = preview.preview(d);
				csvTitle = title;
			}
			else if ("GEOJSON".equals(kind) && geojson == null) {
				geojson = preview.preview(d);
				geojsonTitle = title;
			}
		}
		model.addAttribute("distributions", distributions);
		model.addAttribute("csv", csv);
		model.addAttribute("csvTitle", csvTitle);
		model.addAttribute("csvTable", csv instanceof DistributionPreview.Table table ? table : null);
		model.addAttribute("csvProblem", csv instanceof DistributionPreview.Unavailable u ? u.messageKey() : null);
		model.addAttribute("geojson", geojson);
		model.addAttribute("geojsonTitle", geojsonTitle);
		model.addAttribute("geoFeatures", geojson instanceof DistributionPreview.Features f ? f : null);
		model.addAttribute("geoProblem", geojson instanceof DistributionPreview.Unavailable u ? u.messageKey() : null);

		QualityScore quality = dataset.quality();
		model.addAttribute("quality", quality);
		model.addAttribute("dimensions",
				List.of(new Dimension("findability", quality.findability(), 100),
						new Dimension("accessibility", quality.accessibility(), 100),
						new Dimension("interoperability", quality.interoperability(), 110),
						new Dimension("reusability", quality.reusability(), 75),
						new Dimension("contextuality", quality.contextuality(), 20)));
		model.addAttribute("maxQuality", QualityScore.MAX);
		model.addAttribute("fixes", QualityScore
			.assess(dataset.toRecord(publisher == null ? null : publisher.toRecord()))
			.fixes());
		return "opendata/dataset";
	}

	@GetMapping("/opendata/datasets/{slug}/distributions/{id}/download")
	ResponseEntity<Void> download(@PathVariable("slug") String slug, @PathVariable("id") String id,
			HttpServletRequest request) {
		UUID distributionId;
		try {
			distributionId = UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new OpendataException("opendata.error.not-found", 404);
		}
		Dataset dataset = openData.dataset(slug).orElseThrow(() -> new OpendataException("opendata.error.not-found", 404));
		if (dataset.status() == DatasetStatus.WITHDRAWN) {
			throw new OpendataException("opendata.error.withdrawn", 410);
		}
		Distribution distribution = dataset.distributions()
			.stream()
			.filter(d -> d.id().equals(distributionId))
			.findFirst()
			.orElseThrow(() -> new OpendataException("opendata.error.not-found", 404));
		URI target;
		try {
			target = URI.create(distribution.dataUrl().strip());
		}
		catch (IllegalArgumentException e) {
			throw new OpendataException("opendata.error.not-found", 404);
		}
		String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
		if (!List.of("http", "https", "ftp").contains(scheme)) {
			throw new OpendataException("opendata.error.not-found", 404);
		}
		if ("GET".equals(request.getMethod())) {
			usage.recordDownload(dataset.id(), request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
		}
		return ResponseEntity.status(HttpStatus.FOUND).location(target).build();
	}

	// ---- publishers ----

	@GetMapping("/opendata/publishers")
	String publishers(Model model, Locale locale) {
		model.addAttribute("publishers", directory.publishers(language(locale)));
		model.addAttribute("labels", new Labels(messages, locale, Map.of()));
		return "opendata/publishers";
	}

	@GetMapping("/opendata/publishers/{id}")
	String publisher(@PathVariable("id") String id, @RequestParam(name = "page", required = false) @Nullable String page,
			Model model, Locale locale, HttpServletResponse response) {
		return guarded(model, response, () -> publisherPage(id, page, model, locale));
	}

	private String publisherPage(String id, @Nullable String page, Model model, Locale locale) {
		PublisherDirectory.Summary summary = directory.publisher(id)
			.orElseThrow(() -> new OpendataException("opendata.error.not-found", 404));
		int number = pageNumber(page == null ? "" : page.strip());
		String language = language(locale);
		SearchResult result = openData.page(new SearchQuery("", Map.of(SearchQuery.PUBLISHER, List.of(id)),
				SearchQuery.Sort.TITLE, number - 1, PAGE_SIZE, language));
		model.addAttribute("summary", summary);
		model.addAttribute("result", result);
		model.addAttribute("page", number);
		model.addAttribute("usage", usage.ofPublisher(id));
		model.addAttribute("labels", new Labels(messages, locale, Map.of(id, summary.publisher())));
		model.addAttribute("searchHref", href("/opendata", new LinkedMultiValueMap<>(Map.of("publisher", List.of(id)))));
		MultiValueMap<String, String> none = new LinkedMultiValueMap<>();
		model.addAttribute("previousHref", number > 1 ? href("/opendata/publishers/" + id, withPage(none, number - 1)) : null);
		model.addAttribute("nextHref",
				number < result.pages() ? href("/opendata/publishers/" + id, withPage(none, number + 1)) : null);
		return "opendata/publisher";
	}

	// ---- errors ----

	/** A page, or the page explaining in the reader's language why the request was refused. */
	static String guarded(Model model, HttpServletResponse response, Supplier<String> page) {
		try {
			return page.get();
		}
		catch (OpendataException ex) {
			response.setStatus(ex.status());
			model.addAttribute("status", ex.status());
			model.addAttribute("messageKey", ex.messageKey());
			return "opendata/error";
		}
	}

	/** Refusals of the download redirect: the platform's error page with the status. */
	@ExceptionHandler(OpendataException.class)
	void refused(OpendataException ex, HttpServletResponse response) throws IOException {
		response.sendError(ex.status());
	}
}
