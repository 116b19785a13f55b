package org.orchestra.opendata;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an API search asks beyond a {@link SearchQuery}: facet clauses that must all hold (each one matching any of
 * its values, or none of them when excluded) and a window on when datasets last changed in the catalogue.
 */
public record SearchCriteria(List<Clause> clauses, @Nullable Instant updatedSince, @Nullable Instant updatedUntil) {

	/** One facet condition: the dataset carries one of the values, or (excluded) none of them. */
	public record Clause(String facet, List<String> values, boolean excluded) {

		public Clause {
			if (!SearchQuery.FACETS.contains(facet)) {
				throw new OpendataException("opendata.error.unknown-facet", 400);
			}
			values = values.stream().filter(v -> v != null && !v.isBlank()).distinct().toList();
		}
	}

	public SearchCriteria {
		clauses = List.copyOf(clauses);
	}

	public static SearchCriteria none() {
		return new SearchCriteria(List.of(), null, null);
	}

	public static SearchCriteria updatedSince(@Nullable Instant since) {
		return new SearchCriteria(List.of(), since, null);
	}
}
