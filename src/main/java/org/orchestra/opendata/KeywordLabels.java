package org.orchestra.opendata;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keywords as publishers wrote them: the search index keeps them folded ({@code velo}), the portal shows them as
 * a published dataset spells them ({@code vélo}).
 */
@Component
public class KeywordLabels {

	private final JdbcTemplate jdbc;

	KeywordLabels(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The written form of folded keywords, by folded keyword (a keyword no dataset spells is left out). */
	public Map<String, String> labels(Collection<String> folded) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (String value : folded) {
			List<String> lists = jdbc.queryForList("SELECT d.keywords_json FROM opendata_index i JOIN opendata_dataset d "
					+ "ON d.id = i.dataset_id WHERE i.kind = 'keyword' AND i.val = ? ORDER BY d.id LIMIT 1", String.class,
					value);
			for (String json : lists) {
				Texts.listFromJson(json)
					.stream()
					.filter(k -> fold(k).equals(value))
					.findFirst()
					.ifPresent(k -> labels.put(value, k.strip()));
			}
		}
		return labels;
	}

	/** The form in which the index keeps a keyword. */
	public static String fold(String keyword) {
		String folded = Texts.fold(keyword).strip();
		return folded.length() > 200 ? folded.substring(0, 200) : folded;
	}
}
