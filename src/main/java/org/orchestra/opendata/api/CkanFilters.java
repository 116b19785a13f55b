package org.orchestra.opendata.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.orchestra.opendata.SearchCriteria;
import org.orchestra.opendata.SearchQuery;

/**
 * CKAN's {@code fq} filter queries as CKAN clients and harvesters write them, turned into search criteria: terms
 * {@code field:value} (value bare, quoted or a group {@code (a OR b)}), joined by spaces (all must hold) or by
 * {@code OR} between terms of one field, excluded with a leading {@code -}, and {@code metadata_modified:[from TO
 * to]} ranges (ckanext-harvest's incremental gathering). Fields: {@code organization}, {@code tags}, {@code
 * res_format}, {@code license_id}, {@code groups}; {@code dataset_type:dataset}, {@code capacity:public} and
 * {@code state:active} always hold.
 */
final class CkanFilters {

	/** CKAN's facet fields and the catalogue's. */
	static final Map<String, String> FIELDS = Map.of("organization", SearchQuery.PUBLISHER, "tags",
			SearchQuery.KEYWORD, "res_format", SearchQuery.FORMAT, "license_id", SearchQuery.LICENCE, "groups",
			SearchQuery.THEME);

	/** A filter CKAN would take but the catalogue cannot: the message key saying why and the term. */
	static final class Unsupported extends RuntimeException {

		final String key;
		final String term;

		Unsupported(String key, String term) {
			super(key, null, false, false);
			this.key = key;
			this.term = term;
		}
	}

	/** The filters read, and whether they can match anything at all. */
	record Parsed(SearchCriteria criteria, boolean impossible) {
	}

	private final String text;
	private int at;

	private CkanFilters(String text) {
		this.text = text;
	}

	static Parsed parse(@Nullable String fq) {
		if (fq == null || fq.isBlank()) {
			return new Parsed(SearchCriteria.none(), false);
		}
		if (fq.length() > 4000) {
			throw new Unsupported("opendata.ckan.error.fq-long", fq.substring(0, 40));
		}
		return new CkanFilters(fq).read();
	}

	private record Term(boolean excluded, String field, List<String> values, String raw) {
	}

	private Parsed read() {
		List<Term> terms = new ArrayList<>();
		boolean or = false;
		while (true) {
			skipSpace();
			if (at >= text.length()) {
				break;
			}
			String keyword = peekWord();
			if ("AND".equals(keyword) || "&&".equals(keyword)) {
				at += keyword.length();
				continue;
			}
			if ("OR".equals(keyword) || "||".equals(keyword)) {
				at += keyword.length();
				or = true;
				continue;
			}
			Term term = term();
			if (or && !terms.isEmpty()) {
				Term previous = terms.getLast();
				if (!previous.field().equals(term.field()) || previous.excluded() != term.excluded()
						|| "metadata_modified".equals(term.field())) {
					throw new Unsupported("opendata.ckan.error.fq-or", previous.raw() + " OR " + term.raw());
				}
				List<String> values = new ArrayList<>(previous.values());
				values.addAll(term.values());
				terms.set(terms.size() - 1, new Term(previous.excluded(), previous.field(), values,
						previous.raw() + " OR " + term.raw()));
			}
			else {
				terms.add(term);
			}
			or = false;
		}
		List<SearchCriteria.Clause> clauses = new ArrayList<>();
		Instant since = null;
		Instant until = null;
		boolean impossible = false;
		for (Term term : terms) {
			switch (term.field()) {
				case "metadata_modified" -> {
					Instant[] range = range(term);
					since = range[0] != null && (since == null || range[0].isAfter(since)) ? range[0] : since;
					until = range[1] != null && (until == null || range[1].isBefore(until)) ? range[1] : until;
				}
				case "dataset_type", "type" -> impossible |= term.excluded() == term.values().contains("dataset");
				case "capacity" -> impossible |= term.excluded() == term.values().contains("public");
				case "state" -> impossible |= term.excluded() == term.values().contains("active");
				default -> {
					String facet = FIELDS.get(term.field());
					if (facet == null) {
						throw new Unsupported("opendata.ckan.error.fq-field", term.raw());
					}
					clauses.add(new SearchCriteria.Clause(facet, values(facet, term.values()), term.excluded()));
				}
			}
		}
		return new Parsed(new SearchCriteria(clauses, since, until), impossible);
	}

	/** Values as the index holds them: theme codes in capitals, formats as given and in capitals. */
	private static List<String> values(String facet, List<String> values) {
		List<String> out = new ArrayList<>();
		for (String value : values) {
			if (SearchQuery.THEME.equals(facet)) {
				out.add(value.toUpperCase(Locale.ROOT));
			}
			else if (SearchQuery.FORMAT.equals(facet)) {
				out.add(value);
				out.add(value.toUpperCase(Locale.ROOT));
			}
			else {
				out.add(value);
			}
		}
		return out;
	}

	private Instant[] range(Term term) {
		if (term.excluded() || term.values().size() != 1) {
			throw new Unsupported("opendata.ckan.error.fq-range", term.raw());
		}
		String value = term.values().getFirst();
		if (!(value.startsWith("[") || value.startsWith("{")) || !(value.endsWith("]") || value.endsWith("}"))) {
			Instant exact = date(value, term);
			return new Instant[] { exact, exact };
		}
		String[] bounds = value.substring(1, value.length() - 1).strip().split("\\s+TO\\s+");
		if (bounds.length != 2) {
			throw new Unsupported("opendata.ckan.error.fq-range", term.raw());
		}
		return new Instant[] { "*".equals(bounds[0].strip()) ? null : date(bounds[0].strip(), term),
				"*".equals(bounds[1].strip()) ? null : date(bounds[1].strip(), term) };
	}

	private static Instant date(String value, Term term) {
		try {
			Instant instant = DcatController.instant(value);
			if (instant == null) {
				throw new Unsupported("opendata.ckan.error.fq-range", term.raw());
			}
			return instant;
		}
		catch (DcatController.Refusal ex) {
			throw new Unsupported("opendata.ckan.error.fq-range", term.raw());
		}
	}

	private Term term() {
		int start = at;
		boolean excluded = false;
		if (text.charAt(at) == '-' || text.charAt(at) == '+') {
			excluded = text.charAt(at) == '-';
			at++;
		}
		int colon = text.indexOf(':', at);
		int space = nextSpace(at);
		if (colon < 0 || colon > space) {
			throw new Unsupported("opendata.ckan.error.fq-syntax", text.substring(start, Math.min(space, start + 80)));
		}
		String field = text.substring(at, colon).strip();
		at = colon + 1;
		if (at >= text.length()) {
			throw new Unsupported("opendata.ckan.error.fq-syntax", text.substring(start));
		}
		List<String> values = new ArrayList<>();
		char open = text.charAt(at);
		if (open == '"') {
			values.add(quoted());
		}
		else if (open == '[' || open == '{') {
			int close = closing(open == '[' ? ']' : '}', at, start);
			values.add(text.substring(at, close + 1));
			at = close + 1;
		}
		else if (open == '(') {
			int close = closing(')', at, start);
			String inner = text.substring(at + 1, close);
			at = close + 1;
			CkanFilters group = new CkanFilters(inner);
			while (true) {
				group.skipSpace();
				if (group.at >= inner.length()) {
					break;
				}
				String keyword = group.peekWord();
				if ("OR".equals(keyword) || "||".equals(keyword)) {
					group.at += keyword.length();
					continue;
				}
				values.add(inner.charAt(group.at) == '"' ? group.quoted() : group.bare());
			}
		}
		else {
			values.add(bare());
		}
		if (values.isEmpty() || field.isEmpty()) {
			throw new Unsupported("opendata.ckan.error.fq-syntax", text.substring(start, at));
		}
		return new Term(excluded, field, values, text.substring(start, at));
	}

	private String quoted() {
		StringBuilder value = new StringBuilder();
		int start = at;
		at++;
		while (at < text.length() && text.charAt(at) != '"') {
			if (text.charAt(at) == '\\' && at + 1 < text.length()) {
				at++;
			}
			value.append(text.charAt(at++));
		}
		if (at >= text.length()) {
			throw new Unsupported("opendata.ckan.error.fq-syntax", text.substring(start));
		}
		at++;
		return value.toString();
	}

	private String bare() {
		int end = nextSpace(at);
		String value = text.substring(at, end).replace("\\", "");
		at = end;
		return value;
	}

	private int closing(char close, int from, int start) {
		int end = text.indexOf(close, from);
		if (end < 0) {
			throw new Unsupported("opendata.ckan.error.fq-syntax", text.substring(start));
		}
		return end;
	}

	private int nextSpace(int from) {
		int i = from;
		while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private void skipSpace() {
		while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
			at++;
		}
	}

	private String peekWord() {
		return text.substring(at, nextSpace(at));
	}
}
