package org.orchestra.shared;

import java.util.Locale;

import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/**
 * Text entered or published in the platform's languages: French, Dutch and English.
 * French and Dutch are the region's official languages and always present; English falls back to French.
 */
@Embeddable
public record LocalizedText(String fr, String nl, @Nullable String en) {

	public LocalizedText {
		if (fr == null || fr.isBlank() || nl == null || nl.isBlank()) {
			throw new IllegalArgumentException("French and Dutch texts are required");
		}
	}

	public static LocalizedText of(String fr, String nl, @Nullable String en) {
		return new LocalizedText(fr, nl, en == null || en.isBlank() ? null : en);
	}

	/** The text in the given locale's language, falling back to French. */
	public String in(@Nullable Locale locale) {
		String language = locale == null ? "fr" : locale.getLanguage();
		return switch (language) {
			case "nl" -> nl;
			case "en" -> en != null ? en : fr;
			default -> fr;
		};
	}

	/** Every language variant, for search. */
	public String all() {
		return fr + " " + nl + (en == null ? "" : " " + en);
	}
}
