package org.orchestra.forms;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer to one field. Text-like fields keep {@code text}; choices keep {@code choices}; an address keeps its
 * text, point and commune; a file keeps the reference of its stored content.
 */
public record Answer(@Nullable String text, @Nullable List<String> choices, @Nullable Double lon,
		@Nullable Double lat, @Nullable String nisCode, @Nullable String sha256, @Nullable String filename,
		@Nullable String contentType, @Nullable Long size) {

	public static Answer text(String text) {
		return new Answer(text, null, null, null, null, null, null, null, null);
	}

	public static Answer choices(List<String> choices) {
		return new Answer(null, List.copyOf(choices), null, null, null, null, null, null, null);
	}

	public static Answer address(String text, double lon, double lat, String nisCode) {
		return new Answer(text, null, lon, lat, nisCode, null, null, null, null);
	}

	public static Answer file(String sha256, String filename, String contentType, long size) {
		return new Answer(null, null, null, null, null, sha256, filename, contentType, size);
	}

	/** The values a condition compares with. */
	public List<String> values() {
		if (choices != null) {
			return choices;
		}
		return text == null ? List.of() : List.of(text);
	}
}
