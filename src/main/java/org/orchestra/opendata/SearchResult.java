package org.orchestra.opendata;

import java.util.List;
import java.util.Map;

/** A page of search results, the total count and the facet counts over all matching datasets. */
public record SearchResult(long total, List<Dataset> datasets, Map<String, List<FacetCount>> facets,
		SearchQuery query) {

	/** How many matching datasets carry a facet value. */
	public record FacetCount(String value, long count) {
	}

	public int pages() {
		return (int) Math.max(1, (total + query.size() - 1) / query.size());
	}
}
