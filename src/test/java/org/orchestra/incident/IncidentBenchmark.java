package org.orchestra.incident;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.orchestra.LoadDriver;
import org.orchestra.LoadDriver.Result;

import static org.orchestra.LoadDriver.run;

/**
 * Incident benchmark: seeds the region's volume of reports (deterministic) into the platform's PostgreSQL
 * database, then drives HTTP load from this separate process and prints, per scenario, requests per second,
 * latency percentiles, errors and the ratio to a trivial endpoint of the same server. Run by
 * {@code bench/incidents}.
 */

public final class IncidentBenchmark {

	static final String API_KEY = "o311_bench_key_not_secret";
	static final String[] CATEGORIES = { "pothole", "damaged-paving", "street-light-out", "illegal-dump",
			"overflowing-bin", "graffiti", "blocked-drain", "bench-damaged", "faded-markings" };

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String jdbc = args[1];
		String user = args[2];
		String password = args[3];
		int reports = Integer.parseInt(args.length > 4 ? args[4] : "250000");
		int requests = Integer.parseInt(args.length > 5 ? args[5] : "2000");
		int concurrency = Integer.parseInt(args.length > 6 ? args[6] : "16");

		long seedStart = System.nanoTime();
		seed(jdbc, user, password, reports);
		double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		SplittableRandom random = new SplittableRandom(7);
		Instant now = Instant.now();
		run(http, "warm-up", requests / 4, concurrency, i -> get(base + "/open311/v2/requests.json?page_size=50"));

		List<Result> results = new ArrayList<>();
		Result baseline = run(http, "baseline: /actuator/health/liveness", requests, concurrency,
				i -> get(base + "/actuator/health/liveness"));
		results.add(baseline);
		results.add(run(http, "Open311 list, 100 per page, 30-day window", requests, concurrency, i -> {
			Instant end = now.minus(random.nextInt(1000), ChronoUnit.DAYS);
			Instant start = end.minus(30, ChronoUnit.DAYS);
			return get(base + "/open311/v2/requests.json?page_size=100&start_date=" + start + "&end_date=" + end);
		}));
		results.add(run(http, "Open311 list by service and status", requests, concurrency,
				i -> get(base + "/open311/v2/requests.json?page_size=100&status=open&service_code="
						+ CATEGORIES[i % CATEGORIES.length])));
		results.add(run(http, "Open311 get one request", requests, concurrency,
				i -> get(base + "/open311/v2/requests/" + (1_000_000 + random.nextInt(reports)) + ".json")));
		results.add(run(http, "public list page (HTML, 25 per page)", requests, concurrency,
				i -> get(base + "/incidents?page=" + random.nextInt(200) + "&commune=210" + (10 + i % 9))));
		results.add(run(http, "submission (Open311 POST, routed)", requests, concurrency, i -> open311Post(base, i)));

		LoadDriver.print(results, baseline);
		System.out.printf(Locale.ROOT, "%nseeded %d reports in %.1f s; %d concurrent clients; %d cores%n", reports,
				seedSeconds, concurrency, Runtime.getRuntime().availableProcessors());
	}

	/** An Open311 report at one of 9,700 places across the region. */
	public static HttpRequest open311Post(String base, int i) {
		return HttpRequest.newBuilder(URI.create(base + "/open311/v2/requests.json"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("api_key=" + API_KEY + "&service_code=pothole&lat="
					+ (50.80 + (i % 100) * 0.0008) + "&long=" + (4.33 + (i % 97) * 0.0009)
					+ "&attribute%5Blocation_type%5D=ROADWAY&description=Bench+report+" + i))
			.build();
	}

	/** The benchmark's Open311 API key. */
	public static void insertApiKey(Connection connection) throws Exception {
		try (PreparedStatement key = connection.prepareStatement("""
				insert into incident_api_key (id, client, key_hash, prefix, created_at, created_by, active)
				select ?, 'bench', ?, 'o311_benc', now(), 'bench', true
				where not exists (select 1 from incident_api_key where key_hash = ?)""")) {
			key.setObject(1, UUID.randomUUID());
			key.setString(2, IncidentOpen311.hash(API_KEY));
			key.setString(3, IncidentOpen311.hash(API_KEY));
			key.executeUpdate();
		}
	}

	static HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "fr").GET().build();
	}

	/** Reports spread over three years and the 19 communes, 70% closed; deterministic. */
	static void seed(String jdbc, String user, String password, int count) throws Exception {
		try (Connection connection = DriverManager.getConnection(jdbc, user, password)) {
			connection.setAutoCommit(false);
			insertApiKey(connection);
			SplittableRandom random = new SplittableRandom(42);
			Instant now = Instant.now();
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into incident_report (id, status, lon, lat, address, nis_code, location_type, category_code,
					  description, hide_name, source, organisation_id, gravity, probability, private_report,
					  interest_count, routing_reason, created_at, updated_at, closed_at, version)
					values (?, ?, ?, ?, null, ?, 'ROADWAY', ?, ?, true, 'CITIZEN', ?, 0, 0, false, 0,
					  'incident.routing.communal', ?, ?, ?, 0)""")) {
				for (int i = 0; i < count; i++) {
					int commune = 1 + random.nextInt(19);
					String nis = String.format("210%02d", commune);
					boolean closed = random.nextInt(10) < 7;
					Instant created = now.minusSeconds(random.nextLong(3L * 365 * 24 * 3600));
					insert.setLong(1, 1_000_000L + i);
					insert.setString(2, closed ? "CLOSED" : "IN_PROGRESS");
					insert.setDouble(3, 4.30 + random.nextDouble() * 0.15);
					insert.setDouble(4, 50.79 + random.nextDouble() * 0.1);
					insert.setString(5, nis);
					insert.setString(6, CATEGORIES[random.nextInt(CATEGORIES.length)]);
					insert.setString(7, "Benchmark report " + i);
					insert.setString(8, "commune-" + nis);
					insert.setTimestamp(9, Timestamp.from(created));
					insert.setTimestamp(10, Timestamp.from(created.plusSeconds(3600)));
					insert.setTimestamp(11, closed ? Timestamp.from(created.plusSeconds(86_400)) : null);
					insert.addBatch();
					if (i % 2000 == 1999) {
						insert.executeBatch();
						connection.commit();
					}
				}
				insert.executeBatch();
				connection.commit();
			}
			try (var statement = connection.createStatement()) {
				statement.execute("analyze incident_report");
				connection.commit();
			}
		}
	}
}
