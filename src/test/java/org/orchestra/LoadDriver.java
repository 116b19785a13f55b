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

	/** A signed-in browser-like client: its cookies and the CSRF token to send with writes. */
	public record Session(HttpClient http, String csrf) {
	}

	/**
	 * Signs in through the login form like a browser and returns the session with the CSRF token read from a
	 * page served after sign-in ({@code csrfPage}).
	 */
	public static Session signIn(String base, String username, String password, String csrfPage) throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
			.connectTimeout(java.time.Duration.ofSeconds(5)).build();
		String login = http.send(HttpRequest.newBuilder(java.net.URI.create(base + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		String form = "username=" + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8)
				+ "&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
				+ "&_csrf=" + csrf(login);
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (location.contains("error")) {
			throw new IllegalStateException("Sign-in of " + username + " refused");
		}
		String page = http.send(HttpRequest.newBuilder(java.net.URI.create(base + csrfPage)).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		return new Session(http, csrf(page));
	}

	private static String csrf(String html) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
			.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on the page");
		}
		return matcher.group(1);
	}

	/** Prints the scenarios as a table, each with its ratio to the baseline measured in the same run. */
	public static void print(List<Result> results, Result baseline) {
		System.out.printf(java.util.Locale.ROOT, "%n%-44s %9s %9s %9s %9s %9s %7s %9s%n", "scenario", "requests", "req/s",
				"p50 ms", "p95 ms", "p99 ms", "errors", "vs base");
		for (Result r : results) {
			System.out.printf(java.util.Locale.ROOT, "%-44s %9d %9.0f %9.1f %9.1f %9.1f %7d %8.2fx%n", r.name(),
					r.count(), r.perSecond(), r.p50(), r.p95(), r.p99(), r.errors(),
					baseline.perSecond() / r.perSecond());
		}
	}

	public static double percentile(List<Double> sorted, int p) {
		return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}
}
