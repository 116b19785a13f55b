package org.orchestra.opendata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What a catalogue says about one dataset or data service, independent of where it came from: a harvest source,
 * the publishers' form or the API. Texts are keyed by language code ({@code fr}, {@code nl}, {@code en}, or any
 * other the source gives; the empty key holds text without a language). Themes are EU data-theme codes
 * ({@code TRAN}), licences and formats are IRIs or codes of the EU vocabularies when they could be mapped.
 *
 * @param recordId the record's identifier at its source (or the dataset's slug when authored here)
 */
public record DatasetRecord(String recordId, Kind kind, @Nullable String uri, @Nullable String identifier,
		Map<String, String> title, Map<String, String> description, List<String> keywords, List<String> themes,
		List<String> languages, @Nullable String licence, @Nullable String accessRights,
		@Nullable String accrualPeriodicity, @Nullable LocalDate temporalStart, @Nullable LocalDate temporalEnd,
		@Nullable String spatialUri, @Nullable String bbox, @Nullable String contactName,
		@Nullable String contactEmail, @Nullable String landingPage, @Nullable Instant issued,
		@Nullable Instant modified, @Nullable PublisherRecord publisher, List<DistributionRecord> distributions,
		@Nullable String endpointUrl, @Nullable String endpointDescription) {

	/** A dataset ({@code dcat:Dataset}) or a data service ({@code dcat:DataService}). */
	public enum Kind {
		DATASET, SERVICE
	}

	public DatasetRecord {
		title = Map.copyOf(new TreeMap<>(title));
		description = Map.copyOf(new TreeMap<>(description));
		keywords = List.copyOf(keywords);
		themes = List.copyOf(themes);
		languages = List.copyOf(languages);
		distributions = List.copyOf(distributions);
	}

	/** The publisher as the source names it. */
	public record PublisherRecord(@Nullable String uri, Map<String, String> name, @Nullable String type,
			@Nullable String homepage, @Nullable String email) {

		public PublisherRecord {
			name = Map.copyOf(name);
		}
	}

	/** One way of getting the data: a file, an API, a page. */
	public record DistributionRecord(@Nullable String uri, Map<String, String> title,
			Map<String, String> description, String accessUrl, @Nullable String downloadUrl,
			@Nullable String format, @Nullable String mediaType, @Nullable String licence, @Nullable Long byteSize,
			@Nullable Instant modified) {

		public DistributionRecord {
			title = Map.copyOf(title);
			description = Map.copyOf(description);
		}
	}

	/**
	 * The key under which the same dataset is recognised whichever source it comes through: its {@code
	 * dct:identifier} if it has one, else its IRI, else its identifier at the source.
	 */
	public String identityKey(String sourceScope) {
		String key = identifier != null && !identifier.isBlank() ? identifier
				: uri != null && !uri.isBlank() ? uri : sourceScope + ":" + recordId;
		key = key.strip();
		while (key.endsWith("/")) {
			key = key.substring(0, key.length() - 1);
		}
		key = key.replaceFirst("^https://", "http://");
		return key.length() > 700 ? key.substring(0, 700) : key;
	}

	/**
	 * A hash of everything the record says, independent of the order of map entries, so that a record that did not
	 * change at its source is recognised and not rewritten.
	 */
	public String contentHash() {
		StringBuilder canonical = new StringBuilder(512);
		canonical.append(kind).append('|').append(uri).append('|').append(identifier).append('|');
		canonical.append(new TreeMap<>(title)).append('|').append(new TreeMap<>(description)).append('|');
		canonical.append(keywords).append('|').append(themes).append('|').append(languages).append('|');
		canonical.append(licence).append('|').append(accessRights).append('|').append(accrualPeriodicity).append('|');
		canonical.append(temporalStart).append('|').append(temporalEnd).append('|').append(spatialUri).append('|');
		canonical.append(bbox).append('|').append(contactName).append('|').append(contactEmail).append('|');
		canonical.append(landingPage).append('|').append(issued).append('|').append(modified).append('|');
		if (publisher != null) {
			canonical.append(publisher.uri()).append(new TreeMap<>(publisher.name())).append(publisher.type())
				.append(publisher.homepage()).append(publisher.email());
		}
		canonical.append('|');
		for (DistributionRecord d : distributions) {
			canonical.append(d.uri()).append(new TreeMap<>(d.title())).append(new TreeMap<>(d.description()))
				.append(d.accessUrl()).append(d.downloadUrl()).append(d.format()).append(d.mediaType())
				.append(d.licence()).append(d.byteSize()).append(d.modified()).append(';');
		}
		canonical.append('|').append(endpointUrl).append('|').append(endpointDescription);
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The record cut to what the catalogue stores: texts shortened, lists bounded, and links too long to be kept
	 * whole dropped rather than cut (a distribution whose access URL is dropped goes with it). Sources may send
	 * anything; what is stored always fits.
	 */
	public DatasetRecord fitted() {
		return new DatasetRecord(recordId, kind, link(uri, 1000), clip(identifier, 600), texts(title, 1000, 12),
				texts(description, 20_000, 3), bounded(keywords, 100, 40), bounded(themes, 20, 20),
				bounded(languages, 8, 20), link(licence, 600), link(accessRights, 600), link(accrualPeriodicity, 600),
				temporalStart, temporalEnd, link(spatialUri, 600), clip(bbox, 200), clip(contactName, 300),
				clip(contactEmail, 320), link(landingPage, 1000), issued, modified, fitted(publisher),
				distributions.stream()
					.filter(d -> d.accessUrl().length() <= 2000 && !d.accessUrl().isBlank())
					.limit(100)
					.map(d -> new DistributionRecord(link(d.uri(), 1000), texts(d.title(), 500, 8),
							texts(d.description(), 1000, 8), d.accessUrl(), link(d.downloadUrl(), 2000),
							clip(d.format(), 100), clip(d.mediaType(), 200), link(d.licence(), 600), d.byteSize(),
							d.modified()))
					.toList(),
				link(endpointUrl, 1000), link(endpointDescription, 1000));
	}

	private static @Nullable PublisherRecord fitted(@Nullable PublisherRecord publisher) {
		return publisher == null ? null
				: new PublisherRecord(link(publisher.uri(), 600), texts(publisher.name(), 300, 8),
						link(publisher.type(), 200), link(publisher.homepage(), 600), clip(publisher.email(), 320));
	}

	private static @Nullable String clip(@Nullable String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	private static @Nullable String link(@Nullable String value, int max) {
		return value == null || value.length() <= max ? value : null;
	}

	private static Map<String, String> texts(Map<String, String> texts, int max, int languages) {
		Map<String, String> kept = new TreeMap<>();
		texts.forEach((language, text) -> {
			if (kept.size() < languages && language.length() <= 20) {
				kept.put(language, text.length() <= max ? text : text.substring(0, max));
			}
		});
		return kept;
	}

	private static List<String> bounded(List<String> values, int max, int count) {
		return values.stream().filter(v -> v.length() <= max).distinct().limit(count).toList();
	}

	/** The title in the wanted language, else French, Dutch, English, else any. */
	public String titleIn(String language) {
		return Texts.pick(title, language);
	}
}
