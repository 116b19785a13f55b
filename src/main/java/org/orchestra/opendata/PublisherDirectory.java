package org.orchestra.opendata;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The publishers of the catalogue as the portal lists them: how many published datasets each has and their average
 * metadata quality. Publishers are public reference data; only published datasets count.
 */
@Service
public class PublisherDirectory {

	private final OpenData openData;
	private final Publishers publishers;
	private final JdbcTemplate jdbc;

	PublisherDirectory(OpenData openData, Publishers publishers, JdbcTemplate jdbc) {
		this.openData = openData;
		this.publishers = publishers;
		this.jdbc = jdbc;
	}

	/** A publisher with the number of its published datasets and their average quality score. */
	public record Summary(Publisher publisher, long datasets, int averageQuality) {

		/** The quality band of the average score, as {@link QualityScore#rating()} names it. */
		public String rating() {
			return averageQuality > 350 ? "excellent"
					: averageQuality > 220 ? "good" : averageQuality > 120 ? "sufficient" : "bad";
		}

		public String nameIn(String language) {
			return publisher.nameIn(language);
		}
	}

	private record Counts(long datasets, int averageQuality) {
	}

	private Map<String, Counts> counts(String where, Object... args) {
		Map<String, Counts> counts = new HashMap<>();
		jdbc.query("SELECT publisher_id, COUNT(*), AVG(quality_total) FROM opendata_dataset WHERE status = 'PUBLISHED' "
				+ "AND publisher_id IS NOT NULL" + where + " GROUP BY publisher_id",
				rs -> {
					counts.put(rs.getString(1), new Counts(rs.getLong(2), (int) Math.round(rs.getDouble(3))));
				}, args);
		return counts;
	}

	/** Publishers that have published datasets, in the reader's alphabetical order. */
	public List<Summary> publishers(String language) {
		Map<String, Counts> counts = counts("");
		return openData.publishers()
			.stream()
			.filter(p -> counts.containsKey(p.id()))
			.map(p -> new Summary(p, counts.get(p.id()).datasets(), counts.get(p.id()).averageQuality()))
			.sorted(Comparator.comparing(s -> Texts.sortKey(s.nameIn(language))))
			.toList();
	}

	/** One publisher, with or without published datasets. */
	public Optional<Summary> publisher(String id) {
		Counts counts = counts(" AND publisher_id = ?", id).getOrDefault(id, new Counts(0, 0));
		return openData.publisher(id).map(p -> new Summary(p, counts.datasets(), counts.averageQuality()));
	}

	/** Some publishers by id, for labelling facets and results. */
	public Map<String, Publisher> byId(Collection<String> ids) {
		Map<String, Publisher> found = new HashMap<>();
		if (!ids.isEmpty()) {
			publishers.findAllById(Set.copyOf(ids)).forEach(p -> found.put(p.id(), p));
		}
		return found;
	}
}
