package org.orchestra.opendata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Full-text search with facets over the index table: every query word must start a term of the dataset (so
 * "mobil" finds "mobilité" and "mobiliteit"), every facet filter must match, and facet counts are computed over
 * all matching datasets. Only published datasets are in the index.
 */
@Component
class CatalogueSearch {

	static final int FACET_VALUES = 12;

	private final JdbcTemplate jdbc;
	private final Datasets datasets;

	CatalogueSearch(JdbcTemplate jdbc, Datasets datasets) {
		this.jdbc = jdbc;
		this.datasets = datasets;
	}

	/** Runs inside a transaction opened for the system tenant. */
	SearchResult search(SearchQuery query, boolean withFacets) {
		return search(query, SearchCriteria.none(), (long) query.page() * query.size(), withFacets);
	}

	/**
	 * Runs inside a transaction opened for the system tenant: the query's words and filters plus the criteria, the
	 * page of {@code query.size()} results starting at {@code offset}.
	 */
	SearchResult search(SearchQuery query, SearchCriteria criteria, long offset, boolean withFacets) {
		List<Object> args = new ArrayList<>();
		String matching = matching(query, criteria, args);
		Long total = jdbc.queryForObject("SELECT COUNT(*) FROM (" + matching + ") m", Long.class, args.toArray());
		List<Object> pageArgs = new ArrayList<>(args);
		String order = switch (query.sort()) {
			case TITLE -> "d.sort_" + query.language() + " ASC, d.id";
			case MODIFIED -> "COALESCE(d.modified, d.updated_at) DESC, d.id";
			case QUALITY -> "d.quality_total DESC, d.sort_" + query.language() + " ASC, d.id";
			case RELEVANCE -> relevance(query, pageArgs) + " DESC, COALESCE(d.modified, d.updated_at) DESC, d.id";
			case ID -> "d.id";
			case UPDATED -> "d.updated_at DESC, d.id";
		};
		pageArgs.add(query.size());
		pageArgs.add(Math.max(0, offset));
		List<UUID> ids = jdbc.queryForList(matching + " ORDER BY " + order + " LIMIT ? OFFSET ?", UUID.class,
				pageArgs.toArray());
		List<Dataset> page = load(ids);
		Map<String, List<SearchResult.FacetCount>> facets = withFacets ? facets(matching, args) : Map.of();
		return new SearchResult(total == null ? 0 : total, page, facets, query);
	}

	/** Datasets with their distributions, in the order of the ids given. */
	List<Dataset> load(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, Dataset> loaded = datasets.findWithDistributions(ids)
			.stream()
			.collect(Collectors.toMap(Dataset::id, Function.identity(), (a, b) -> a));
		return ids.stream().map(loaded::get).filter(d -> d != null).toList();
	}

	/** The ids of published datasets after the given one (all when null), in id order. */
	List<UUID> publishedIdsAfter(@Nullable UUID after, int limit) {
		return after == null
				? jdbc.queryForList("SELECT id FROM opendata_dataset WHERE status = 'PUBLISHED' ORDER BY id LIMIT ?",
						UUID.class, limit)
				: jdbc.queryForList("SELECT id FROM opendata_dataset WHERE status = 'PUBLISHED' AND id > ? ORDER BY id "
						+ "LIMIT ?", UUID.class, after, limit);
	}

	/** Names (slugs) of published datasets in alphabetical order, a slice of them. */
	List<String> publishedNames(int limit, long offset) {
		return jdbc.queryForList("SELECT slug FROM opendata_dataset WHERE status = 'PUBLISHED' ORDER BY slug LIMIT ? "
				+ "OFFSET ?", String.class, limit, offset);
	}

	/** Of the given IRIs, those that more than one published dataset gives as its own. */
	Set<String> sharedDatasetUris(Collection<String> uris) {
		return shared("SELECT uri FROM opendata_dataset WHERE status = 'PUBLISHED' AND uri IN (%s) GROUP BY uri "
				+ "HAVING COUNT(*) > 1", uris);
	}

	/** Of the given IRIs, those that more than one distribution of published datasets gives as its own. */
	Set<String> sharedDistributionUris(Collection<String> uris) {
		return shared("SELECT x.uri FROM opendata_distribution x JOIN opendata_dataset d ON d.id = x.dataset_id "
				+ "WHERE d.status = 'PUBLISHED' AND x.uri IN (%s) GROUP BY x.uri HAVING COUNT(*) > 1", uris);
	}

	private Set<String> shared(String sql, Collection<String> uris) {
		List<String> distinct = uris.stream().distinct().toList();
		Set<String> shared = new HashSet<>();
		for (int from = 0; from < distinct.size(); from += 500) {
			List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + 500));
			String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
			shared.addAll(jdbc.queryForList(sql.formatted(marks), String.class, chunk.toArray()));
		}
		return shared;
	}

	/** When a dataset of the catalogue last changed (published or withdrawn). */
	Optional<Instant> lastChange() {
		return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(updated_at) FROM opendata_dataset",
				java.time.OffsetDateTime.class)).map(java.time.OffsetDateTime::toInstant);
	}

	/** Published datasets by publisher id. */
	Map<String, Long> publisherCounts() {
		Map<String, Long> counts = new HashMap<>();
		jdbc.query("SELECT val, COUNT(*) FROM opendata_index WHERE kind = 'publisher' GROUP BY val",
				rs -> {
					counts.put(rs.getString(1), rs.getLong(2));
				});
		return counts;
	}

	/** Keywords (folded, as indexed) of published datasets containing the given text, alphabetically. */
	List<String> keywords(String containing, int limit) {
		String folded = Texts.fold(containing).strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return folded.isEmpty()
				? jdbc.queryForList("SELECT DISTINCT val FROM opendata_index WHERE kind = 'keyword' ORDER BY val LIMIT ?",
						String.class, limit)
				: jdbc.queryForList("SELECT DISTINCT val FROM opendata_index WHERE kind = 'keyword' AND val LIKE ? "
						+ "ESCAPE '\\' ORDER BY val LIMIT ?", String.class, "%" + folded + "%", limit);
	}

	private static String relevance(SearchQuery query, List<Object> args) {
		if (query.words().isEmpty()) {
			return "COALESCE(d.modified, d.updated_at)";
		}
		StringBuilder sql = new StringBuilder("(SELECT COUNT(*) FROM opendata_index r WHERE r.dataset_id = d.id "
				+ "AND r.kind = 'title' AND r.val IN (");
		List<String> words = query.words();
		for (int i = 0; i < words.size(); i++) {
			sql.append(i == 0 ? "?" : ", ?");
			args.add(words.get(i));
		}
		return sql.append("))").toString();
	}

	private static String matching(SearchQuery query, SearchCriteria criteria, List<Object> args) {
		StringBuilder sql = new StringBuilder("SELECT d.id FROM opendata_dataset d WHERE d.status = 'PUBLISHED'");
		for (String word : query.words()) {
			sql.append(" AND EXISTS (SELECT 1 FROM opendata_index t WHERE t.dataset_id = d.id AND t.kind = 'term'"
					+ " AND t.val LIKE ?)");
			args.add(word + "%");
		}
		query.filters().forEach((facet, values) -> clause(sql, args, facet, values, false));
		for (SearchCriteria.Clause clause : criteria.clauses()) {
			if (!clause.values().isEmpty()) {
				clause(sql, args, clause.facet(), clause.values(), clause.excluded());
			}
		}
		if (criteria.updatedSince() != null) {
			sql.append(" AND d.updated_at >= ?");
			args.add(java.time.OffsetDateTime.ofInstant(criteria.updatedSince(), java.time.ZoneOffset.UTC));
		}
		if (criteria.updatedUntil() != null) {
			sql.append(" AND d.updated_at <= ?");
			args.add(java.time.OffsetDateTime.ofInstant(criteria.updatedUntil(), java.time.ZoneOffset.UTC));
		}
		return sql.toString();
	}

	private static void clause(StringBuilder sql, List<Object> args, String facet, List<String> values,
			boolean excluded) {
		sql.append(excluded ? " AND NOT EXISTS" : " AND EXISTS")
			.append(" (SELECT 1 FROM opendata_index f WHERE f.dataset_id = d.id AND f.kind = ? AND f.val IN (");
		args.add(facet);
		for (int i = 0; i < values.size(); i++) {
			sql.append(i == 0 ? "?" : ", ?");
			args.add(SearchQuery.KEYWORD.equals(facet) ? Texts.fold(values.get(i)).strip() : values.get(i));
		}
		sql.append("))");
	}

	private Map<String, List<SearchResult.FacetCount>> facets(String matching, List<Object> args) {
		List<Object> facetArgs = new ArrayList<>(args);
		Map<String, List<SearchResult.FacetCount>> all = new HashMap<>();
		jdbc.query("SELECT i.kind, i.val, COUNT(*) FROM opendata_index i WHERE i.kind IN ('publisher', 'theme', "
				+ "'format', 'licence', 'keyword', 'language', 'kind') AND i.dataset_id IN (" + matching
				+ ") GROUP BY i.kind, i.val", rs -> {
					all.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
						.add(new SearchResult.FacetCount(rs.getString(2), rs.getLong(3)));
				}, facetArgs.toArray());
		Map<String, List<SearchResult.FacetCount>> facets = new LinkedHashMap<>();
		for (String facet : SearchQuery.FACETS) {
			facets.put(facet, all.getOrDefault(facet, List.of())
				.stream()
				.sorted(Comparator.comparingLong(SearchResult.FacetCount::count).reversed()
					.thenComparing(SearchResult.FacetCount::value))
				.limit(FACET_VALUES)
				.toList());
		}
		return facets;
	}
}
