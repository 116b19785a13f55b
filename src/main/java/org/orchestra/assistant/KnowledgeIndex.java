package org.orchestra.assistant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.orchestra.catalogue.CatalogueService;
import org.orchestra.catalogue.ServiceCatalogue;
import org.orchestra.shared.KnowledgeContribution;
import org.orchestra.shared.KnowledgeContribution.KnowledgeEntry;
import org.orchestra.shared.LocalizedText;
import org.orchestra.tenancy.Organisation;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The assistant's search index over the platform's own content: every module's {@link KnowledgeContribution} and
 * the catalogue's services open to citizens. Each entry is indexed in French, Dutch and English with the terms of
 * that language ({@link TextAnalysis}) and ranked with BM25; a question is analysed in each language and an entry
 * keeps its best variant. The index is rebuilt when it is older than the refresh setting and the content changed.
 */
@Component
class KnowledgeIndex {

	private static final Logger LOG = LoggerFactory.getLogger(KnowledgeIndex.class);
	private static final double K1 = 1.2;
	private static final double B = 0.75;
	private static final int TITLE_WEIGHT = 3;
	private static final int KEYWORD_WEIGHT = 2;

	private final ObjectProvider<KnowledgeContribution> contributions;
	private final ServiceCatalogue catalogue;
	private final MessageSource messages;
	private final OrganisationDirectory organisations;
	private final AssistantProperties properties;
	private final Clock clock;
	private volatile @Nullable Snapshot snapshot;

	KnowledgeIndex(ObjectProvider<KnowledgeContribution> contributions, ServiceCatalogue catalogue,
			MessageSource messages, OrganisationDirectory organisations, AssistantProperties properties) {
		this.contributions = contributions;
		this.catalogue = catalogue;
		this.messages = messages;
		this.organisations = organisations;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	/** One scored entry. */
	record Hit(KnowledgeEntry entry, @Nullable String organisation, double score, double coverage,
			String language, List<String> terms) {
	}

	/** The entries that match a question, best first, restricted to what the commune may be told. */
	record Search(List<Hit> hits, @Nullable String commune, boolean communeNamed) {
	}

	/** Every entry as it is indexed now. */
	List<KnowledgeEntry> entries() {
		return current().entries;
	}

	Optional<KnowledgeEntry> entry(String id) {
		return Optional.ofNullable(current().byId.get(id));
	}

	/** The organisation an entry is specific to, resolved to an organisation id, or {@code null}. */
	@Nullable
	String organisationOf(KnowledgeEntry entry) {
		return current().organisationOf.get(entry.id());
	}

	/** Rebuilds now, whatever the age of the index. */
	void refresh() {
		snapshot = build(snapshot, true);
	}

	/**
	 * Searches the content. Entries specific to another commune than the asker's are never returned; entries of
	 * the asker's commune (or its CPAS) rank above regional ones. A commune named in the question takes precedence
	 * over the chosen one.
	 */
	Search search(String question, @Nullable String chosenCommune) {
		Snapshot index = current();
		String normalised = " " + TextAnalysis.normalise(question) + " ";
		String commune = chosenCommune;
		boolean named = false;
		String stripped = normalised;
		for (Map.Entry<String, String> name : index.communeNames.entrySet()) {
			if (normalised.contains(" " + name.getKey() + " ")) {
				commune = name.getValue();
				named = true;
				stripped = stripped.replace(" " + name.getKey() + " ", " ");
			}
		}
		Map<String, Hit> best = new LinkedHashMap<>();
		for (String language : TextAnalysis.LANGUAGES) {
			List<String> terms = new ArrayList<>(new LinkedHashSet<>(TextAnalysis.terms(stripped, language)));
			if (terms.isEmpty()) {
				continue;
			}
			Variant variant = index.variants.get(language);
			double totalIdf = 0;
			double[] idf = new double[terms.size()];
			for (int i = 0; i < terms.size(); i++) {
				idf[i] = variant.idf(terms.get(i));
				totalIdf += idf[i];
			}
			// only the entries that contain a term of the question are scored (inverted index)
			double[] scores = new double[variant.docs.size()];
			double[] matched = new double[variant.docs.size()];
			List<Integer> touched = new ArrayList<>();
			for (int i = 0; i < terms.size(); i++) {
				int[][] postings = variant.postings.get(terms.get(i));
				if (postings == null) {
					continue;
				}
				for (int[] posting : postings) {
					int d = posting[0];
					int tf = posting[1];
					Doc doc = variant.docs.get(d);
					if (scores[d] == 0) {
						touched.add(d);
					}
					matched[d] += idf[i];
					scores[d] += idf[i] * (tf * (K1 + 1)) / (tf + K1 * (1 - B + B * doc.length / variant.averageLength));
				}
			}
			for (int d : touched) {
				Doc doc = variant.docs.get(d);
				String organisation = index.organisationOf.get(doc.entry.id());
				if (!eligible(organisation, commune, index)) {
					continue;
				}
				double score = scores[d];
				if (commune != null && organisation != null) {
					score *= properties.communeBoost();
				}
				double coverage = totalIdf == 0 ? 0 : matched[d] / totalIdf;
				Hit hit = new Hit(doc.entry, organisation, score, coverage, language, terms);
				Hit previous = best.get(doc.entry.id());
				if (previous == null || rank(hit) > rank(previous)) {
					best.put(doc.entry.id(), hit);
				}
			}
		}
		List<Hit> hits = best.values()
			.stream()
			.sorted(Comparator.comparingDouble(KnowledgeIndex::rank).reversed().thenComparing(h -> h.entry().id()))
			.toList();
		return new Search(hits, commune, named);
	}

	/** Coverage first (how much of the question the entry speaks of), then relevance. */
	static double rank(Hit hit) {
		return hit.coverage() * 10 + hit.score();
	}

	private static boolean eligible(@Nullable String organisation, @Nullable String commune, Snapshot index) {
		if (organisation == null || commune == null) {
			return true;
		}
		return organisation.equals(commune) || commune.equals(index.parents.get(organisation));
	}

	/** The passage of the entry's text, in the given locale, that best matches the question. */
	static String excerpt(KnowledgeEntry entry, Locale locale, String question, int limit) {
		String text = entry.text().in(locale).strip();
		if (text.length() <= limit) {
			return text;
		}
		String language = TextAnalysis.LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "fr";
		Set<String> wanted = new HashSet<>(TextAnalysis.terms(question, language));
		String[] sentences = text.split("(?<=[.!?;:])\\s+");
		int bestIndex = 0;
		int bestCount = -1;
		for (int i = 0; i < sentences.length; i++) {
			int count = 0;
			for (String term : TextAnalysis.terms(sentences[i], language)) {
				if (wanted.contains(term)) {
					count++;
				}
			}
			if (count > bestCount) {
				bestCount = count;
				bestIndex = i;
			}
		}
		StringBuilder excerpt = new StringBuilder(sentences[bestIndex]);
		for (int i = bestIndex + 1; i < sentences.length && excerpt.length() + sentences[i].length() < limit; i++) {
			excerpt.append(' ').append(sentences[i]);
		}
		String result = excerpt.toString();
		if (result.length() > limit) {
			int cut = result.lastIndexOf(' ', limit - 1);
			result = result.substring(0, cut > limit / 2 ? cut : limit - 1);
		}
		return (bestIndex > 0 ? "… " : "") + result + (text.endsWith(result) ? "" : " …");
	}

	private Snapshot current() {
		Snapshot current = snapshot;
		if (current != null && current.builtAt.plus(properties.refresh()).isAfter(clock.instant())) {
			return current;
		}
		synchronized (this) {
			current = snapshot;
			if (current == null || !current.builtAt.plus(properties.refresh()).isAfter(clock.instant())) {
				current = build(current, false);
				snapshot = current;
			}
			return current;
		}
	}

	private Snapshot build(@Nullable Snapshot previous, boolean force) {
		List<KnowledgeEntry> entries = collect();
		if (!force && previous != null && previous.entries.equals(entries)) {
			return previous.touched(clock.instant());
		}
		Map<String, String> parents = new HashMap<>();
		Map<String, String> byNis = new HashMap<>();
		Set<String> known = new HashSet<>();
		Map<String, String> communeNames = new LinkedHashMap<>();
		String regionName = "";
		List<Organisation> all = organisations.all();
		for (Organisation organisation : all) {
			if (organisation.type() == OrganisationType.REGION) {
				regionName = " " + TextAnalysis.normalise(organisation.name().all()) + " ";
			}
		}
		for (Organisation organisation : all) {
			String id = organisation.id().value();
			known.add(id);
			if (organisation.parent() != null) {
				parents.put(id, organisation.parent().value());
			}
			if (organisation.type() == OrganisationType.COMMUNE) {
				if (organisation.nisCode() != null) {
					byNis.put(organisation.nisCode(), id);
				}
				for (String name : communeNames(organisation.name())) {
					if (!regionName.contains(" " + name + " ")) {
						communeNames.put(name, id);
					}
				}
			}
		}
		Map<String, KnowledgeEntry> byId = new LinkedHashMap<>();
		Map<String, String> organisationOf = new HashMap<>();
		for (KnowledgeEntry entry : entries) {
			if (byId.putIfAbsent(entry.id(), entry) != null) {
				LOG.warn("Knowledge entry {} is contributed twice; the first is kept", entry.id());
				continue;
			}
			String code = entry.organisationCode();
			if (code != null && !code.isBlank()) {
				String resolved = known.contains(code) ? code : byNis.getOrDefault(code, code);
				organisationOf.put(entry.id(), resolved);
			}
		}
		Map<String, Variant> variants = new HashMap<>();
		for (String language : TextAnalysis.LANGUAGES) {
			Locale locale = Locale.of(language);
			List<Doc> docs = new ArrayList<>();
			for (KnowledgeEntry entry : byId.values()) {
				Map<String, Integer> frequencies = new HashMap<>();
				int length = add(frequencies, TextAnalysis.terms(entry.title().in(locale), language), TITLE_WEIGHT);
				length += add(frequencies, TextAnalysis.terms(entry.text().in(locale), language), 1);
				for (String keyword : entry.keywords()) {
					length += add(frequencies, TextAnalysis.terms(keyword, language), KEYWORD_WEIGHT);
				}
				docs.add(new Doc(entry, frequencies, length));
			}
			variants.put(language, new Variant(docs));
		}
		LOG.debug("Knowledge index built with {} entries", byId.size());
		return new Snapshot(List.copyOf(entries), byId, organisationOf, parents, communeNames, variants, clock.instant());
	}

	private static int add(Map<String, Integer> frequencies, List<String> terms, int weight) {
		for (String term : terms) {
			frequencies.merge(term, weight, Integer::sum);
		}
		return terms.size() * weight;
	}

	/** Short names of a commune in its languages: "Commune d'Ixelles" → "ixelles", "Gemeente Elsene" → "elsene". */
	static Set<String> communeNames(LocalizedText name) {
		Set<String> names = new LinkedHashSet<>();
		for (String variant : new String[] { name.fr(), name.nl(), name.en() }) {
			if (variant == null) {
				continue;
			}
			String n = TextAnalysis.normalise(variant)
				.replaceFirst("^(commune d|commune de|commune|ville de|ville|gemeente|stad|municipality of|city of) ", "");
			if (n.length() >= 4) {
				names.add(n);
			}
		}
		return names;
	}

	private List<KnowledgeEntry> collect() {
		List<KnowledgeEntry> entries = new ArrayList<>();
		for (KnowledgeContribution contribution : contributions.orderedStream().toList()) {
			try {
				entries.addAll(contribution.knowledge());
			}
			catch (RuntimeException ex) {
				LOG.warn("Knowledge of {} is unavailable: {}", contribution.getClass().getSimpleName(), ex.toString());
			}
		}
		for (CatalogueService service : catalogue.services()) {
			if (service.privilege() != null) {
				continue;
			}
			LocalizedText title = localized(service.key() + ".name");
			LocalizedText text = localized(service.key() + ".description");
			LocalizedText keywords = localized(service.key() + ".keywords");
			if (title == null || text == null) {
				continue;
			}
			List<String> words = keywords == null ? List.of() : List.of(keywords.all());
			entries.add(new KnowledgeEntry("catalogue." + service.key(), title, text, service.href(), null, words));
		}
		return entries;
	}

	private @Nullable LocalizedText localized(String key) {
		String fr = messages.getMessage(key, null, null, Locale.of("fr"));
		String nl = messages.getMessage(key, null, null, Locale.of("nl"));
		String en = messages.getMessage(key, null, null, Locale.ENGLISH);
		if (fr == null || fr.isBlank() || nl == null || nl.isBlank()) {
			return null;
		}
		return LocalizedText.of(fr, nl, en);
	}

	private record Doc(KnowledgeEntry entry, Map<String, Integer> frequencies, int length) {
	}

	private static final class Variant {

		final List<Doc> docs;
		/** Term → (document index, term frequency) of every document that contains it. */
		final Map<String, int[][]> postings = new HashMap<>();
		final double averageLength;

		Variant(List<Doc> docs) {
			this.docs = docs;
			long total = 0;
			Map<String, List<int[]>> lists = new HashMap<>();
			for (int d = 0; d < docs.size(); d++) {
				Doc doc = docs.get(d);
				total += doc.length;
				for (Map.Entry<String, Integer> term : doc.frequencies.entrySet()) {
					lists.computeIfAbsent(term.getKey(), t -> new ArrayList<>()).add(new int[] { d, term.getValue() });
				}
			}
			lists.forEach((term, list) -> postings.put(term, list.toArray(new int[0][])));
			this.averageLength = docs.isEmpty() ? 1 : Math.max(1, (double) total / docs.size());
		}

		double idf(String term) {
			int n = docs.size();
			int[][] list = postings.get(term);
			int df = list == null ? 0 : list.length;
			return Math.log(1 + (n - df + 0.5) / (df + 0.5));
		}
	}

	private record Snapshot(List<KnowledgeEntry> entries, Map<String, KnowledgeEntry> byId,
			Map<String, String> organisationOf, Map<String, String> parents, Map<String, String> communeNames,
			Map<String, Variant> variants, Instant builtAt) {

		Snapshot touched(Instant now) {
			return new Snapshot(entries, byId, organisationOf, parents, communeNames, variants, now);
		}
	}
}
