package org.orchestra.opendata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search of the catalogue: words, facet filters (all must match; several values of one facet match any),
 * sort order and page.
 *
 * @param filters facet → values, facets among {@link #FACETS}
 */
public record SearchQuery(String text, Map<String, List<String>> filters, Sort sort, int page, int size,
		String language) {

	/** Index row kinds. */
	public static final String TERM = "term";
	public static final String TITLE = "title";
	public static final String PUBLISHER = "publisher";
	public static final String THEME = "theme";
	public static final String FORMAT = "format";
	public static final String LICENCE = "licence";
	public static final String KEYWORD = "keyword";
	public static final String LANGUAGE = "language";
	public static final String KIND = "kind";

	/** The facets shown and accepted as filters, in display order. */
	public static final List<String> FACETS = List.of(PUBLISHER, THEME, FORMAT, LICENCE, KEYWORD, LANGUAGE, KIND);

	public static final int MAX_SIZE = 1000;

	/** Orders of results. */
	public enum Sort {
		/** Most query words in the title first, then the most recently modified. */
		RELEVANCE,
		/** Alphabetical in the reader's language. */
		TITLE,
		/** Most recently modified first. */
		MODIFIED,
		/** Best metadata quality first. */
		QUALITY,
		/** By identifier: a stable order for harvesters paging through everything. */
		ID,
		/** Most recently changed in the catalogue first (the catalogue record's change, not the data's). */
		UPDATED
	}

	public SearchQuery {
		text = text == null ? "" : text.strip();
		Map<String, List<String>> kept = new LinkedHashMap<>();
		filters.forEach((facet, values) -> {
			if (!FACETS.contains(facet)) {
				throw new OpendataException("opendata.error.unknown-facet", 400);
			}
			List<String> nonBlank = values.stream().filter(v -> v != null && !v.isBlank()).distinct().toList();
			if (!nonBlank.isEmpty()) {
				kept.put(facet, nonBlank);
			}
		});
		filters = Map.copyOf(kept);
		if (page < 0) {
			throw new OpendataException("opendata.error.page", 400);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new OpendataException("opendata.error.page-size", 400);
		}
		if (!List.of("fr", "nl", "en").contains(language)) {
			language = "fr";
		}
	}

	public static SearchQuery all(int page, int size) {
		return new SearchQuery("", Map.of(), Sort.MODIFIED, page, size, "fr");
	}

	public List<String> words() {
		return Texts.terms(text).stream().limit(12).toList();
	}
}
