package org.orchestra.assistant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.orchestra.catalogue.ServiceCatalogue;
import org.orchestra.shared.KnowledgeContribution;
import org.orchestra.shared.KnowledgeContribution.KnowledgeEntry;
import org.orchestra.shared.LocalizedText;
import org.orchestra.tenancy.OrganisationDirectory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.support.StaticMessageSource;

import static org.mockito.Mockito.mock;

/**
 * Questions per second on a knowledge base of a realistic size: regional entries plus entries of every commune,
 * each in three languages (deterministic synthetic text). Not part of the suite: run with
 * {@code ./mvnw test -Dtest=AssistantBenchmark}; prints a table.
 */
class AssistantBenchmark {

	private static final String[] WORDS = ("carte identite passeport permis conduire domicile changement adresse "
			+ "naissance mariage deces extrait casier judiciaire stationnement riverain dechets encombrants collecte "
			+ "horaires ouverture rendez-vous guichet population etat civil urbanisme permis batir taxe enfant creche "
			+ "ecole inscription prime renovation energie chien vaccination logement social cpas aide allocation "
			+ "kaart identiteit paspoort rijbewijs verhuizing adres geboorte huwelijk overlijden uittreksel strafregister "
			+ "parkeren bewoners afval grofvuil ophaling openingsuren afspraak loket bevolking burgerlijke stand "
			+ "stedenbouw vergunning belasting kind kinderdagverblijf school premie renovatie energie hond woning "
			+ "card identity passport licence driving moving address birth marriage death certificate record parking "
			+ "waste collection hours appointment desk population planning permit tax child school grant renovation")
		.split(" ");

	@Test
	void questionsPerSecond() throws Exception {
		System.out.printf(Locale.ROOT, "%-10s %8s %10s %9s %12s %10s %10s%n", "entries", "threads", "build ms",
				"answered", "questions/s", "p50 µs", "p95 µs");
		for (int regional : new int[] { 200, 1000 }) {
			for (int threads : new int[] { 1, 2 }) {
				run(regional, 40, threads, 20_000);
			}
		}
	}

	private static void run(int regional, int perCommune, int threads, int questions) throws Exception {
		SplittableRandom random = new SplittableRandom(7);
		List<KnowledgeEntry> entries = new ArrayList<>();
		for (int i = 0; i < regional; i++) {
			entries.add(entry("bench.region." + i, null, random));
		}
		for (int commune = 1; commune <= 19; commune++) {
			String id = String.format(Locale.ROOT, "commune-210%02d", commune);
			for (int i = 0; i < perCommune; i++) {
				entries.add(entry("bench." + id + "." + i, id, random));
			}
		}
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("bench", (KnowledgeContribution) () -> entries);
		AssistantProperties properties = new AssistantProperties(Duration.ofHours(1), 0.6, 0.5, 3, 1.3,
				Duration.ofDays(90), "-", 1000, "http://localhost");
		KnowledgeIndex index = new KnowledgeIndex(beans.getBeanProvider(KnowledgeContribution.class),
				mock(ServiceCatalogue.class), new StaticMessageSource(), mock(OrganisationDirectory.class), properties);
		long start = System.nanoTime();
		index.refresh();
		double buildMs = (System.nanoTime() - start) / 1e6;

		String[] asked = new String[questions];
		String[] communes = new String[questions];
		for (int i = 0; i < questions; i++) {
			KnowledgeEntry target = entries.get(random.nextInt(entries.size()));
			String language = TextAnalysis.LANGUAGES.get(random.nextInt(3));
			String title = target.title().in(Locale.of(language));
			asked[i] = i % 5 == 0 ? "quelle est la couleur du ciel " + i : title + " " + WORDS[random.nextInt(WORDS.length)];
			communes[i] = random.nextBoolean() ? null : String.format(Locale.ROOT, "commune-210%02d", 1 + random.nextInt(19));
		}
		for (int i = 0; i < 2000; i++) {
			index.search(asked[i % questions], communes[i % questions]);
		}
		long[] latencies = new long[questions];
		int[] answered = new int[1];
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long begin = System.nanoTime();
		List<Future<Integer>> parts = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int from = t * questions / threads;
			int to = (t + 1) * questions / threads;
			parts.add(pool.submit(() -> {
				int hits = 0;
				for (int i = from; i < to; i++) {
					long s = System.nanoTime();
					KnowledgeIndex.Search search = index.search(asked[i], communes[i]);
					if (!search.hits().isEmpty() && search.hits().getFirst().coverage() >= properties.minCoverage()) {
						hits++;
					}
					latencies[i] = System.nanoTime() - s;
				}
				return hits;
			}));
		}
		for (Future<Integer> part : parts) {
			answered[0] += part.get();
		}
		double seconds = (System.nanoTime() - begin) / 1e9;
		pool.shutdown();
		Arrays.sort(latencies);
		System.out.printf(Locale.ROOT, "%-10d %8d %10.0f %8.0f%% %12.0f %10d %10d%n", entries.size(), threads, buildMs,
				100.0 * answered[0] / questions, questions / seconds, latencies[questions / 2] / 1000,
				latencies[questions * 95 / 100] / 1000);
	}

	private static KnowledgeEntry entry(String id, String organisation, SplittableRandom random) {
		return new KnowledgeEntry(id, LocalizedText.of(words(random, 5), words(random, 5), words(random, 5)),
				LocalizedText.of(words(random, 40), words(random, 40), words(random, 40)), "/" + id.replace('.', '/'),
				organisation, List.of(words(random, 3)));
	}

	private static String words(SplittableRandom random, int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
		}
		return text.toString();
	}
}
