package org.orchestra.counter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.KnowledgeContribution;
import org.orchestra.shared.LocalizedText;
import org.orchestra.tenancy.OrganisationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regional catalogue of documents: loaded from {@code counter/documents.csv} at start (new documents added,
 * existing ones updated), browsed by theme, searched in French, Dutch and English, ranked by how often residents
 * requested each in the last 30 days, and offered by each commune on its own terms.
 */
@Service
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
public class DocumentCatalogue implements ApplicationRunner, KnowledgeContribution {

	private static final Logger LOG = LoggerFactory.getLogger(DocumentCatalogue.class);
	private static final Duration POPULARITY_WINDOW = Duration.ofDays(30);
	private static final Duration POPULARITY_CACHE = Duration.ofMinutes(1);

	private final DocumentTypes types;
	private final CounterOfferings offerings;
	private final Requests requests;
	private final AtomicReference<Popularity> popularity = new AtomicReference<>();
	private final AtomicReference<List<DocumentType>> catalogue = new AtomicReference<>();

	DocumentCatalogue(DocumentTypes types, CounterOfferings offerings, Requests requests) {
		this.types = types;
		this.offerings = offerings;
		this.requests = requests;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		int position = 0;
		int loaded = 0;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("counter/documents.csv").getInputStream(), StandardCharsets.UTF_8))) {
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank()) {
					continue;
				}
				String[] f = line.split(";", -1);
				position += 10;
				Theme theme = Theme.valueOf(f[1]);
				Issuance issuance = Issuance.valueOf(f[2]);
				LocalizedText title = LocalizedText.of(f[7], f[8], f[9]);
				LocalizedText description = LocalizedText.of(f[10], f[11], f[12]);
				Set<DeliveryMode> modes = DeliveryMode.parse(f[5]);
				Optional<DocumentType> existing = types.findById(f[0]);
				if (existing.isPresent()) {
					existing.get().update(theme, issuance, title, description, f[13], Boolean.parseBoolean(f[3]),
							Integer.parseInt(f[4]), modes, Integer.parseInt(f[6]), position);
				}
				else {
					types.save(new DocumentType(f[0], theme, issuance, title, description, f[13],
							Boolean.parseBoolean(f[3]), Integer.parseInt(f[4]), modes, Integer.parseInt(f[6]),
							position));
				}
				loaded++;
			}
		}
		catalogue.set(null);
		LOG.info("Counter catalogue: {} documents", loaded);
	}

	/** The catalogue in its order; read once from the database after it is loaded, then kept in memory. */
	@Transactional(readOnly = true)
	public List<DocumentType> all() {
		List<DocumentType> current = catalogue.get();
		if (current == null) {
			current = List.copyOf(types.findAllByOrderByPositionAsc());
			catalogue.set(current);
		}
		return current;
	}

	/** Document titles by code, in the given language. */
	@Transactional(readOnly = true)
	public Map<String, String> titles(Locale locale) {
		Map<String, String> titles = new LinkedHashMap<>();
		for (DocumentType type : all()) {
			titles.put(type.code(), type.title(locale));
		}
		return titles;
	}

	public Optional<DocumentType> find(String code) {
		return code == null || code.length() > 80 ? Optional.empty()
				: all().stream().filter(t -> t.code().equals(code)).findFirst();
	}

	public DocumentType require(String code) {
		return find(code).orElseThrow(() -> new CounterException("counter.error.unknown-document", 404));
	}

	@Transactional(readOnly = true)
	public List<DocumentType> byTheme(Theme theme) {
		return all().stream().filter(t -> t.theme() == theme).toList();
	}

	/** Documents whose titles, descriptions or keywords contain every word of the query, best matches first. */
	@Transactional(readOnly = true)
	public List<DocumentType> search(@Nullable String query) {
		List<String> words = words(query);
		if (words.isEmpty()) {
			return List.of();
		}
		Map<DocumentType, Integer> scores = new LinkedHashMap<>();
		for (DocumentType type : all()) {
			String titles = normalise(type.title().all());
			String keywords = normalise(String.join(" ", type.keywords()));
			String description = normalise(type.description().all());
			int score = 0;
			boolean all = true;
			for (String word : words) {
				if (titles.contains(word)) {
					score += 3;
				}
				else if (keywords.contains(word)) {
					score += 2;
				}
				else if (description.contains(word)) {
					score += 1;
				}
				else {
					all = false;
				}
			}
			if (all) {
				String whole = String.join(" ", words);
				boolean exact = type.keywords().stream().map(DocumentCatalogue::normalise).anyMatch(whole::equals)
						|| normalise(type.title().fr()).equals(whole) || normalise(type.title().nl()).equals(whole)
						|| type.title().en() != null && normalise(type.title().en()).equals(whole);
				scores.put(type, score + (exact ? 10 : 0));
			}
		}
		return scores.entrySet().stream().sorted(Map.Entry.<DocumentType, Integer>comparingByValue().reversed())
				.map(Map.Entry::getKey).toList();
	}

	/** The words of a query, accent- and case-insensitive. */
	public static List<String> words(@Nullable String query) {
		if (query == null) {
			return List.of();
		}
		String text = normalise(query.length() > 200 ? query.substring(0, 200) : query);
		return Arrays.stream(text.split("[^a-z0-9]+")).filter(w -> w.length() >= 2).distinct().limit(10).toList();
	}

	static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	/** Whether a text contains every one of the words. */
	public static boolean matchesAll(List<String> words, String text) {
		String normalised = normalise(text);
		return words.stream().allMatch(normalised::contains);
	}

	/** The most requested documents of the last 30 days across the region, with their counts. */
	public List<Ranked> mostRequested(int limit) {
		Popularity current = popularity.get();
		if (current == null || current.at().isBefore(Instant.now().minus(POPULARITY_CACHE))) {
			current = refreshPopularity();
		}
		Map<String, Long> counts = current.counts();
		List<Ranked> ranked = new ArrayList<>();
		for (DocumentType type : all()) {
			ranked.add(new Ranked(type, counts.getOrDefault(type.code(), 0L)));
		}
		ranked.sort(Comparator.comparingLong(Ranked::count).reversed()
				.thenComparingInt(r -> r.type().position()));
		return ranked.subList(0, Math.min(limit, ranked.size()));
	}

	@Transactional(readOnly = true)
	Popularity refreshPopularity() {
		Map<String, Long> counts = new HashMap<>();
		for (Object[] row : requests.countByDocumentSince(Instant.now().minus(POPULARITY_WINDOW))) {
			counts.put((String) row[0], ((Number) row[1]).longValue());
		}
		Popularity fresh = new Popularity(Instant.now(), counts);
		popularity.set(fresh);
		return fresh;
	}

	/** The terms on which a commune offers a document. */
	@Transactional(readOnly = true)
	public Offering.Terms terms(OrganisationId commune, DocumentType type) {
		return offerings.findByOrganisationIdAndDocumentCode(commune.value(), type.code()).map(Offering::terms)
				.orElseGet(() -> Offering.Terms.defaults(type));
	}

	/** Every document with the commune's terms, in catalogue order. */
	@Transactional(readOnly = true)
	public Map<DocumentType, Offering.Terms> offering(OrganisationId commune) {
		Map<String, Offering.Terms> own = new HashMap<>();
		for (Offering offering : offerings.findByOrganisationId(commune.value())) {
			own.put(offering.documentCode(), offering.terms());
		}
		Map<DocumentType, Offering.Terms> result = new LinkedHashMap<>();
		for (DocumentType type : all()) {
			result.put(type, own.getOrDefault(type.code(), Offering.Terms.defaults(type)));
		}
		return result;
	}

	/** Sets a commune's terms for a document. */
	@Transactional
	public void offer(OrganisationId commune, String code, boolean offered, int priceCents, Set<DeliveryMode> modes,
			int processingDays) {
		DocumentType type = require(code);
		if (priceCents < 0 || priceCents > 100_000) {
			throw new CounterException("counter.error.price");
		}
		if (processingDays < 0 || processingDays > 180) {
			throw new CounterException("counter.error.days");
		}
		if (offered && modes.isEmpty()) {
			throw new CounterException("counter.error.modes");
		}
		Offering offering = offerings.findByOrganisationIdAndDocumentCode(commune.value(), type.code())
				.orElseGet(() -> new Offering(commune.value(), type.code()));
		offering.set(offered, priceCents, modes.isEmpty() ? EnumSet.of(DeliveryMode.COUNTER) : modes,
				processingDays);
		offerings.save(offering);
	}

	@Override
	public List<KnowledgeEntry> knowledge() {
		List<KnowledgeEntry> entries = new ArrayList<>();
		for (DocumentType type : all()) {
			LocalizedText d = type.description();
			String howFr = type.issuance() == Issuance.REGISTER ? " Délivré immédiatement en PDF après connexion."
					: " Traité par un agent de votre commune.";
			String howNl = type.issuance() == Issuance.REGISTER ? " Meteen als pdf afgeleverd na aanmelding."
					: " Behandeld door een medewerker van uw gemeente.";
			String howEn = type.issuance() == Issuance.REGISTER ? " Issued at once as a PDF after signing in."
					: " Handled by an agent of your commune.";
			entries.add(new KnowledgeEntry("counter.document." + type.code(), type.title(),
					LocalizedText.of(d.fr() + howFr, d.nl() + howNl, (d.en() == null ? d.fr() : d.en()) + howEn),
					"/counter/documents/" + type.code(), null, type.keywords()));
		}
		return entries;
	}

	/** A document and how often it was requested. */
	public record Ranked(DocumentType type, long count) {
	}

	record Popularity(Instant at, Map<String, Long> counts) {
	}
}
