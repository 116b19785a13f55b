package org.orchestra.opendata;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a publisher writes about a dataset in the publishers' form: titles and descriptions by language (French
 * and Dutch required), keywords, EU themes, a licence, access rights and frequency of the EU vocabularies (by
 * code), the period covered, a contact point, a landing page and the distributions.
 */
public record DatasetDraft(Map<String, String> title, Map<String, String> description, List<String> keywords,
		List<String> themes, @Nullable String licence, @Nullable String accessRights, @Nullable String frequency,
		@Nullable LocalDate temporalStart, @Nullable LocalDate temporalEnd, @Nullable String contactName,
		@Nullable String contactEmail, @Nullable String landingPage, List<DistributionDraft> distributions) {

	/** The languages a publisher writes in: French and Dutch are required, English optional. */
	public static final List<String> LANGUAGES = List.of("fr", "nl", "en");

	/** Licences offered in the form (codes of the EU licence vocabulary). */
	public static final List<String> LICENCES = List.of("CC_BY_4_0", "CC0", "CC_BYSA_4_0", "ODC_BY", "ODC_ODBL",
			"ODC_PDDL");

	/** Access rights offered (codes of the EU access-right vocabulary). */
	public static final List<String> ACCESS_RIGHTS = List.of("PUBLIC", "RESTRICTED", "NON_PUBLIC");

	/** Frequencies offered (codes of the EU frequency vocabulary). */
	public static final List<String> FREQUENCIES = List.of("UPDATE_CONT", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY",
			"ANNUAL", "IRREG", "NEVER");

	/** Formats offered for distributions (codes of the EU file-type vocabulary). */
	public static final List<String> FORMATS = List.of("CSV", "JSON", "GEOJSON", "XML", "XLSX", "ODS", "PDF", "ZIP",
			"SHP", "KML", "GML", "GPKG", "WMS_SRVC", "WFS_SRVC", "RDF_TURTLE", "JSON_LD", "HTML", "TXT");

	static final int MAX_TITLE = 300;
	static final int MAX_DESCRIPTION = 10_000;
	static final int MAX_KEYWORDS = 30;
	static final int MAX_KEYWORD = 100;
	static final int MAX_DISTRIBUTIONS = 30;
	static final int MAX_URL = 2000;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
	private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

	/** One distribution as written in the form. */
	public record DistributionDraft(String url, String title, @Nullable String format, @Nullable String mediaType) {
	}

	public DatasetDraft {
		title = Map.copyOf(title);
		description = Map.copyOf(description);
		keywords = List.copyOf(keywords);
		themes = List.copyOf(themes);
		distributions = List.copyOf(distributions);
	}

	/** What is wrong, as field → message key ({@code opendata.desk.error.*}); empty when the draft can be saved. */
	public Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		for (String language : LANGUAGES) {
			String t = title.getOrDefault(language, "").strip();
			String d = description.getOrDefault(language, "").strip();
			boolean required = !language.equals("en");
			if (t.isEmpty() && required) {
				problems.put("title-" + language, "opendata.desk.error.title-required");
			}
			else if (t.length() > MAX_TITLE || t.chars().anyMatch(Character::isISOControl)) {
				problems.put("title-" + language, "opendata.desk.error.title-invalid");
			}
			if (d.isEmpty() && required) {
				problems.put("description-" + language, "opendata.desk.error.description-required");
			}
			else if (d.length() > MAX_DESCRIPTION) {
				problems.put("description-" + language, "opendata.desk.error.description-invalid");
			}
		}
		if (keywords.size() > MAX_KEYWORDS
				|| keywords.stream().anyMatch(k -> k.isBlank() || k.length() > MAX_KEYWORD || hasControl(k))) {
			problems.put("keywords", "opendata.desk.error.keywords");
		}
		if (!Vocabularies.THEMES.containsAll(themes)) {
			problems.put("themes", "opendata.desk.error.themes");
		}
		if (licence != null && !LICENCES.contains(licence)) {
			problems.put("licence", "opendata.desk.error.licence");
		}
		if (accessRights != null && !ACCESS_RIGHTS.contains(accessRights)) {
			problems.put("accessRights", "opendata.desk.error.access-rights");
		}
		if (frequency != null && !FREQUENCIES.contains(frequency)) {
			problems.put("frequency", "opendata.desk.error.frequency");
		}
		if (temporalStart != null && temporalEnd != null && temporalEnd.isBefore(temporalStart)) {
			problems.put("temporalEnd", "opendata.desk.error.temporal-order");
		}
		if (contactName != null && (contactName.length() > 300 || hasControl(contactName))) {
			problems.put("contactName", "opendata.desk.error.contact-name");
		}
		if (contactEmail != null && (contactEmail.length() > 320 || !EMAIL.matcher(contactEmail).matches())) {
			problems.put("contactEmail", "opendata.desk.error.contact-email");
		}
		if (landingPage != null && !isWebUrl(landingPage, 1000)) {
			problems.put("landingPage", "opendata.desk.error.landing-page");
		}
		if (distributions.size() > MAX_DISTRIBUTIONS) {
			problems.put("distributions", "opendata.desk.error.too-many-distributions");
		}
		for (int i = 0; i < distributions.size(); i++) {
			DistributionDraft d = distributions.get(i);
			if (!isWebUrl(d.url(), MAX_URL)) {
				problems.put("distribution-" + i + "-url", "opendata.desk.error.distribution-url");
			}
			if (d.title().length() > MAX_TITLE || d.title().chars().anyMatch(Character::isISOControl)) {
				problems.put("distribution-" + i + "-title", "opendata.desk.error.distribution-title");
			}
			if (d.format() != null && !FORMATS.contains(d.format())) {
				problems.put("distribution-" + i + "-format", "opendata.desk.error.distribution-format");
			}
			if (d.mediaType() != null && !MEDIA_TYPE.matcher(d.mediaType()).matches()) {
				problems.put("distribution-" + i + "-mediaType", "opendata.desk.error.distribution-media-type");
			}
		}
		return problems;
	}

	/** An absolute http or https URL without spaces. */
	public static boolean isWebUrl(@Nullable String value, int maxLength) {
		if (value == null || value.length() > maxLength || value.chars().anyMatch(c -> c <= ' ')) {
			return false;
		}
		try {
			java.net.URI uri = new java.net.URI(value);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (java.net.URISyntaxException e) {
			return false;
		}
	}

	private static boolean hasControl(String text) {
		return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
	}
}
