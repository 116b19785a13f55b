package org.orchestra.counter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import org.orchestra.LoadDriver;
import org.orchestra.LoadDriver.Result;

/**
 * E-counter benchmark: seeds a year of the region's document requests (deterministic) into the platform's
 * PostgreSQL database, then, from this separate process, signs in as demo residents and measures request
 * submission (a certificate issued at once as a PDF, and a request for an agent), the resident's list, the
 * counter's home page and an agent's queue, against a trivial endpoint of the same server. Run by
 * {@code bench/counter}.
 */
public final class CounterBenchmark {

	public static final String PASSWORD = "Demo-Orchestra-2026";
	static final String[] DOCUMENTS = { "household-composition", "residence-certificate", "criminal-record-extract",
			"nationality-certificate", "birth-certificate", "life-certificate", "marriage-certificate",
			"residence-history", "legal-cohabitation-certificate", "celibacy-certificate" };
	static final String[] STATUSES = { "DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED", "REFUSED", "READY",
			"IN_PROGRESS", "RECEIVED" };

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String jdbc = args[1];
		String user = args[2];
		String password = args[3];
		int seeded = Integer.parseInt(args.length > 4 ? args[4] : "400000");
		int requests = Integer.parseInt(args.length > 5 ? args[5] : "2000");
		int concurrency = Integer.parseInt(args.length > 6 ? args[6] : "16");

		long seedStart = System.nanoTime();
		seed(jdbc, user, password, seeded);
		double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

		LoadDriver.Session resident = LoadDriver.signIn(base, "citizen.schaerbeek", PASSWORD, "/counter/address-change");
		LoadDriver.Session agent = LoadDriver.signIn(base, "agent.schaerbeek", PASSWORD, "/desk/counter/templates");
		HttpClient anonymous = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		LoadDriver.run(anonymous, "warm-up", requests / 4, concurrency, i -> get(base + "/counter"));

		List<Result> results = new ArrayList<>();
		Result baseline = LoadDriver.run(anonymous, "baseline: /actuator/health/liveness", requests, concurrency,
				i -> get(base + "/actuator/health/liveness"));
		results.add(baseline);
		results.add(LoadDriver.run(anonymous, "counter home (HTML, live counts)", requests, concurrency,
				i -> get(base + "/counter")));
		results.add(LoadDriver.run(anonymous, "document search (JSON)", requests, concurrency,
				i -> get(base + "/api/counter/documents?q=" + (i % 2 == 0 ? "composition" : "attest"))));
		results.add(LoadDriver.run(resident.http(), "submit: request for an agent (API)", requests, concurrency,
				i -> submit(base, resident, "criminal-record-extract")));
		results.add(LoadDriver.run(resident.http(), "submit: certificate issued as PDF (API)", requests / 2,
				concurrency, i -> submit(base, resident, "residence-certificate")));
		results.add(LoadDriver.run(resident.http(), "resident's requests (API)", requests, concurrency,
				i -> get(base + "/api/counter/requests")));
		results.add(LoadDriver.run(agent.http(), "agent queue, open by deadline (HTML)", requests, concurrency,
				i -> get(base + "/desk/counter?page=" + (i % 20))));

		LoadDriver.print(results, baseline);
		System.out.printf(Locale.ROOT, "%nseeded %d requests in %.1f s; %d concurrent clients; %d cores%n", seeded,
				seedSeconds, concurrency, Runtime.getRuntime().availableProcessors());
	}

	static HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "fr").GET().build();
	}

	public static HttpRequest submit(String base, LoadDriver.Session session, String document) {
		return HttpRequest.newBuilder(URI.create(base + "/api/counter/requests"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-CSRF-TOKEN", session.csrf())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"document\":\"" + document + "\",\"deliveryMode\":\"DOWNLOAD\"}"))
			.build();
	}

	/** A year of requests spread over the 19 communes and the most requested documents; deterministic. */
	static void seed(String jdbc, String user, String password, int count) throws Exception {
		try (Connection connection = DriverManager.getConnection(jdbc, user, password)) {
			connection.setAutoCommit(false);
			SplittableRandom random = new SplittableRandom(42);
			Instant now = Instant.now();
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into counter_request (id, reference, organisation_id, document_code, status,
					  requester_account, requester_name, requester_nn, subject_nn, subject_name, delivery_mode,
					  language, price_cents, due_date, created_at, updated_at, closed_at, erased, version)
					values (?, ?, ?, ?, ?, ?, 'Bench Resident', '00000000000', '00000000000', 'Bench Resident',
					  'DOWNLOAD', 'fr', 0, ?, ?, ?, ?, false, 0)""")) {
				for (int i = 0; i < count; i++) {
					long id = 10_000_000L + i;
					String nis = String.format("210%02d", 1 + random.nextInt(19));
					String status = STATUSES[random.nextInt(STATUSES.length)];
					Instant created = now.minusSeconds(random.nextLong(365L * 24 * 3600));
					boolean closed = status.equals("DELIVERED") || status.equals("REFUSED");
					insert.setLong(1, id);
					insert.setString(2, "EB-" + id);
					insert.setString(3, "commune-" + nis);
					insert.setString(4, DOCUMENTS[random.nextInt(DOCUMENTS.length)]);
					insert.setString(5, status);
					insert.setString(6, "bench-" + random.nextInt(50_000));
					insert.setObject(7, LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(5));
					insert.setTimestamp(8, Timestamp.from(created));
					insert.setTimestamp(9, Timestamp.from(created.plusSeconds(3600)));
					insert.setTimestamp(10, closed ? Timestamp.from(created.plusSeconds(2 * 86_400)) : null);
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
				statement.execute("analyze counter_request");
				connection.commit();
			}
		}
	}
}
