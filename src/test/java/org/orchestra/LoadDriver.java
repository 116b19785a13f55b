package org.orchestra;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** HTTP load for the benchmarks: a number of requests from concurrent clients, with throughput and percentiles. */
public final class LoadDriver {

	private LoadDriver() {
	}

	/** One scenario's figures; an answer of 300 or more counts as an error. */
	public record Result(String name, int count, double perSecond, double p50, double p95, double p99, int errors) {
	}

	public static Result run(HttpClient http, String name, int count, int concurrency,
			IntFunction<HttpRequest> requests) throws Exception {
		List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
			List<Future<?>> workers = new ArrayList<>();
			for (int w = 0; w < concurrency; w++) {
				workers.add(pool.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < count) {
						HttpRequest request = requests.apply(i);
						long t0 = System.nanoTime();
						try {
							HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
							if (response.statusCode() >= 300) {
								errors.incrementAndGet();
							}
						}
						catch (Exception ex) {
							errors.incrementAndGet();
						}
						latencies.add((System.nanoTime() - t0) / 1e6);
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		List<Double> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return new Result(name, count, count / seconds, percentile(sorted, 50), percentile(sorted, 95),
				percentile(sorted, 99), errors.get());
	}

	public static double percentile(List<Double> sorted, int p) {
		return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}
}
