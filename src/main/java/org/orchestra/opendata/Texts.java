package org.orchestra.opendata;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.AttributeConverter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Multilingual texts and lists as stored (JSON), picked for a reader, and turned into search terms. */
public final class Texts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> FALLBACK = List.of("fr", "nl", "en", "");

	private Texts() {
	}

	/** The text in the wanted language, else French, Dutch, English, untagged, else any; empty if none. */
	public static String pick(Map<String, String> texts, String language) {
		String wanted = texts.get(language);
		if (wanted != null && !wanted.isBlank()) {
			return wanted;
		}
		for (String fallback : FALLBACK) {
			String text = texts.get(fallback);
			if (text != null && !text.isBlank()) {
				return text;
			}
		}
		return texts.values().stream().filter(t -> !t.isBlank()).findFirst().orElse("");
	}

	/** Lower case, accents removed: the form in which terms and facet values are compared. */
	public static String fold(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
	}

	/** The distinct search terms of a text: folded words of two characters or more, at most 60 characters each. */
	public static Set<String> terms(String text) {
		Set<String> terms = new LinkedHashSet<>();
		for (String word : fold(text).split("[^\\p{L}\\p{N}]+")) {
			if (word.length() >= 2) {
				terms.add(word.length() > 60 ? word.substring(0, 60) : word);
			}
		}
		return terms;
	}

	/** A sort key: folded, at most 200 characters. */
	public static String sortKey(String text) {
		String folded = fold(text).strip();
		return folded.length() > 200 ? folded.substring(0, 200) : folded;
	}

	static String toJson(Object value) {
		return JSON.writeValueAsString(value);
	}

	static Map<String, String> mapFromJson(String json) {
		return JSON.readValue(json, new TypeReference<Map<String, String>>() {
		});
	}

	static List<String> listFromJson(String json) {
		return JSON.readValue(json, new TypeReference<List<String>>() {
		});
	}

	/** Stores a language → text map as JSON. */
	static final class MapConverter implements AttributeConverter<Map<String, String>, String> {

		@Override
		public String convertToDatabaseColumn(Map<String, String> attribute) {
			return toJson(attribute == null ? Map.of() : new java.util.TreeMap<>(attribute));
		}

		@Override
		public Map<String, String> convertToEntityAttribute(String dbData) {
			return dbData == null ? Map.of() : mapFromJson(dbData);
		}
	}

	/** Stores a list of strings as JSON. */
	static final class ListConverter implements AttributeConverter<List<String>, String> {

		@Override
		public String convertToDatabaseColumn(List<String> attribute) {
			return toJson(attribute == null ? List.of() : new ArrayList<>(attribute));
		}

		@Override
		public List<String> convertToEntityAttribute(String dbData) {
			return dbData == null ? List.of() : listFromJson(dbData);
		}
	}
}
