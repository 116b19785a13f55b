package org.orchestra.opendata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
		List<Object> args = new ArrayList<>();
		String matching = matching(query, args);
		Long total = jdbc.queryForObject("SELECT COUNT(*) FROM (" + matching + ") m", Long.class, args.toArray());
		List<Object> pageArgs = new ArrayList<>(args);
		String order = switch (query.sort()) {
			case TITLE -> "d.sort_" + query.language() + " ASC, d.id";
			case MODIFIED -> "COALESCE(d.modified, d.updated_at) DESC, d.id";
			case QUALITY -> "d.quality_total DESC, d.sort_" + query.language() + " ASC, d.id";
			case RELEVANCE -> relevance(query, pageArgs) + " DESC, COALESCE(d.modified, d.updated_at) DESC, d.id";
		};
		pageArgs.add(query.size());
		pageArgs.add((long) query.page() * query.size());
		List<UUID> ids = jdbc.queryForList("SELECT d.id FROM opendata_dataset d WHERE d.id IN (" + matching
				+ ") ORDER BY " + order + " LIMIT ? OFFSET ?", UUID.class, pageArgs.toArray());
		Map<UUID, Dataset> loaded = datasets.findAllById(ids).stream()
			.collect(Collectors.toMap(Dataset::id, Function.identity()));
		List<Dataset> page = ids.stream().map(loaded::get).filter(d -> d != null).toList();
		Map<String, List<SearchResult.FacetCount>> facets = withFacets ? facets(matching, args) : Map.of();
		return new SearchResult(total == null ? 0 : total, page, facets, query);
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

	private static String matching(SearchQuery query, List<Object> args) {
		StringBuilder sql = new StringBuilder("SELECT d.id FROM opendata_dataset d WHERE d.status = 'PUBLISHED'");
		for (String word : query.words()) {
			sql.append(" AND EXISTS (SELECT 1 FROM opendata_index t WHERE t.dataset_id = d.id AND t.kind = 'term'"
					+ " AND t.val LIKE ?)");
			args.add(word + "%");
		}
		query.filters().forEach((facet, values) -> {
			sql.append(" AND EXISTS (SELECT 1 FROM opendata_index f WHERE f.dataset_id = d.id AND f.kind = ?"
					+ " AND f.val IN (");
			args.add(facet);
			for (int i = 0; i < values.size(); i++) {
				sql.append(i == 0 ? "?" : ", ?");
				args.add(SearchQuery.KEYWORD.equals(facet) ? Texts.fold(values.get(i)).strip() : values.get(i));
			}
			sql.append("))");
		});
		return sql.toString();
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
