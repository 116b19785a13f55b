package org.orchestra.opendata.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.orchestra.opendata.Publisher;
import org.orchestra.opendata.Vocabularies;
import org.springframework.context.MessageSource;

/**
 * Human labels of the catalogue's codes in the reader's language: EU themes, licences, file types, languages,
 * frequencies and access rights (a code without a label is shown as it is), publishers' names, and dates.
 */
public final class Labels {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	private final MessageSource messages;
	private final Locale locale;
	private final String language;
	private final Map<String, Publisher> publishers;
	private final Map<String, String> keywords;
	private final DateTimeFormatter dates;

	Labels(MessageSource messages, Locale locale, Map<String, Publisher> publishers) {
		this(messages, locale, publishers, Map.of());
	}

	Labels(MessageSource messages, Locale locale, Map<String, Publisher> publishers, Map<String, String> keywords) {
		this.messages = messages;
		this.language = switch (locale.getLanguage()) {
			case "nl", "en" -> locale.getLanguage();
			default -> "fr";
		};
		this.locale = Locale.of(language);
		this.publishers = publishers;
		this.keywords = keywords;
		this.dates = DateTimeFormatter.ofPattern("d MMMM yyyy", this.locale);
	}

	public String language() {
		return language;
	}

	private String label(String key, String fallback) {
		return messages.getMessage(key, null, fallback, locale);
	}

	/** The label of a value of a facet. */
	public String facet(String facet, String value) {
		return switch (facet) {
			case "publisher" -> publisher(value);
			case "theme" -> theme(value);
			case "format" -> format(value);
			case "licence" -> licence(value);
			case "language" -> languageName(value);
			case "kind" -> label("opendata.label.kind." + value, value);
			case "keyword" -> keywords.getOrDefault(value, value);
			default -> value;
		};
	}

	public String theme(String code) {
		return label("opendata.label.theme." + code, code);
	}

	public String format(@Nullable String code) {
		if (code == null) {
			return label("opendata.label.format.unknown", "?");
		}
		return label("opendata.label.format." + code, code);
	}

	/** The distinct formats of a dataset's distributions, labelled and sorted. */
	public java.util.List<String> formats(org.orchestra.opendata.Dataset dataset) {
		return dataset.distributions()
			.stream()
			.map(org.orchestra.opendata.Distribution::format)
			.filter(java.util.Objects::nonNull)
			.map(this::format)
			.distinct()
			.sorted()
			.toList();
	}

	public String licence(@Nullable String licence) {
		if (licence == null) {
			return label("opendata.label.none", "-");
		}
		String code = Vocabularies.licenceCode(licence);
		return label("opendata.label.licence." + code, code);
	}

	public String languageName(String code) {
		return label("opendata.label.language." + code, code);
	}

	/** Language names, joined. */
	public String languageNames(java.util.List<String> codes) {
		return String.join(", ", codes.stream().map(this::languageName).toList());
	}

	public String frequency(@Nullable String iri) {
		if (iri == null) {
			return label("opendata.label.none", "-");
		}
		String code = iri.startsWith(Vocabularies.FREQUENCY_BASE) ? iri.substring(Vocabularies.FREQUENCY_BASE.length())
				: iri;
		return label("opendata.label.frequency." + code, code);
	}

	public String accessRights(@Nullable String iri) {
		if (iri == null) {
			return label("opendata.label.none", "-");
		}
		String code = iri.startsWith(Vocabularies.ACCESS_RIGHT_BASE)
				? iri.substring(Vocabularies.ACCESS_RIGHT_BASE.length()) : iri;
		return label("opendata.label.access-right." + code, code);
	}

	public String publisher(@Nullable String id) {
		if (id == null) {
			return label("opendata.label.none", "-");
		}
		Publisher publisher = publishers.get(id);
		return publisher == null ? id : publisher.nameIn(language);
	}

	public String rating(String rating) {
		return label("opendata.label.rating." + rating, rating);
	}

	public String date(@Nullable Instant instant) {
		return instant == null ? "" : dates.format(instant.atZone(BRUSSELS));
	}

	public String date(@Nullable LocalDate date) {
		return date == null ? "" : dates.format(date);
	}

	public String isoDate(@Nullable Instant instant) {
		return instant == null ? "" : instant.atZone(BRUSSELS).toLocalDate().toString();
	}

	/** A size in bytes, kB or MB. */
	public String size(@Nullable Long bytes) {
		if (bytes == null) {
			return "";
		}
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(locale, "%.1f kB", bytes / 1024.0);
		}
		return String.format(locale, "%.1f MB", bytes / (1024.0 * 1024));
	}
}
