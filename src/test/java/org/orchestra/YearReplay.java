package org.orchestra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.orchestra.appointment.AppointmentBenchmark;
import org.orchestra.counter.CounterBenchmark;
import org.orchestra.incident.IncidentBenchmark;

/**
 * The year replay: the public write traffic of one year of the region — incident reports through Open311,
 * document requests through the e-counter's API (register certificates issued as PDFs and requests for agents)
 * and appointment bookings — interleaved in their yearly proportions and sent by concurrent clients from this
 * process. Prints the wall time, throughput, latency and errors per stream, next to two baselines measured in the
 * same run: a trivial endpoint of the same server, and a plain JDBC insert loop on the same database. A scale
 * below 1 replays that fraction of the year. The clock runs until the event listeners have also done their part (the
 * audit trail, the mails). A warm-up of a few thousand writes, not counted, goes first, so that a short fraction
 * measures the platform as it runs all year rather than its first minute. Run by {@code bench/year-replay}.
 */
public final class YearReplay {

	static final int INCIDENTS = 70_746;
	static final int DOCUMENT_REQUESTS = 390_000;
	static final int APPOINTMENTS = 96_000;
	/** Share of document requests that the register answers at once with a certificate. */
	static final double CERTIFICATE_SHARE = 0.5;

	record Stream(String name, HttpClient http, int count, IntFunction<HttpRequest> request, List<Double> latencies,
			AtomicInteger errors) {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String jdbc = args[1];
		String user = args[2];
		String password = args[3];
		double scale = Double.parseDouble(args.length > 4 ? args[4] : "0.05");
		int concurrency = Integer.parseInt(args.length > 5 ? args[5] : "16");
		int warmup = Integer.parseInt(args.length > 6 ? args[6] : "3000");

		HttpClient anonymous = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		List<LoadDriver.Session> residents = new ArrayList<>();
		for (String resident : List.of("citizen.demo", "citizen.schaerbeek", "citizen.anderlecht")) {
			residents.add(LoadDriver.signIn(base, resident, CounterBenchmark.PASSWORD, "/counter/address-change"));
		}
		try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
			IncidentBenchmark.insertApiKey(db);
		}

		double warmScale = (double) warmup / (INCIDENTS + DOCUMENT_REQUESTS + APPOINTMENTS);
		if (warmup > 0) {
			List<Stream> warm = streams(base, jdbc, user, password, anonymous, residents, warmScale, "warm-up");
			double seconds = replay(warm, concurrency);
			double drained = drain(jdbc, user, password);
			analyze(jdbc, user, password);
			System.out.printf(Locale.ROOT, "warm-up (not counted): %d writes in %.1f s, event listeners done %.1f s later%n",
					warm.stream().mapToInt(Stream::count).sum(), seconds, drained);
		}

		LoadDriver.Result http = LoadDriver.run(anonymous, "baseline", 2000, concurrency,
				i -> HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness")).GET().build());
		double dbPerSecond = plainInserts(jdbc, user, password, 20_000, concurrency);

		List<Stream> streams = streams(base, jdbc, user, password, anonymous, residents, scale, "year");
		int total = streams.stream().mapToInt(Stream::count).sum();
		double answered = replay(streams, concurrency);
		double drained = drain(jdbc, user, password);
		double seconds = answered + drained;

		System.out.printf(Locale.ROOT, "%n%-62s %9s %9s %9s %9s %7s%n", "stream", "requests", "p50 ms", "p95 ms",
				"p99 ms", "errors");
		int errors = 0;
		for (Stream s : streams) {
			List<Double> sorted = new ArrayList<>(s.latencies());
			Collections.sort(sorted);
			errors += s.errors().get();
			System.out.printf(Locale.ROOT, "%-62s %9d %9.1f %9.1f %9.1f %7d%n", s.name(), s.count(),
					LoadDriver.percentile(sorted, 50), LoadDriver.percentile(sorted, 95),
					LoadDriver.percentile(sorted, 99), s.errors().get());
		}
		System.out.printf(Locale.ROOT, "%nreplayed %.0f%% of a year: %d writes answered in %.1f s (%.0f/s), %d errors; "
				+ "%d concurrent clients, %d cores%n", scale * 100, total, answered, total / answered, errors, concurrency,
				Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "event listeners (audit, mail) finished %.1f s after the last answer: "
				+ "all work done in %.1f s = %.0f writes/s%n", drained, seconds, total / seconds);
		System.out.printf(Locale.ROOT, "the whole year at this rate: %.1f min%n", total / scale / (total / seconds) / 60);
		System.out.printf(Locale.ROOT, "baselines in the same run: trivial endpoint %.0f req/s (%.1fx the replay); "
				+ "plain JDBC inserts %.0f rows/s (%.1fx)%n", http.perSecond(), http.perSecond() / (total / seconds),
				dbPerSecond, dbPerSecond / (total / seconds));
	}

	/** The streams of that fraction of a year, with an appointment service and free slots of their own. */
	private static List<Stream> streams(String base, String jdbc, String user, String password, HttpClient anonymous,
			List<LoadDriver.Session> residents, double scale, String label) throws Exception {
		int incidents = (int) Math.round(INCIDENTS * scale);
		int certificates = (int) Math.round(DOCUMENT_REQUESTS * scale * CERTIFICATE_SHARE);
		int agentRequests = (int) Math.round(DOCUMENT_REQUESTS * scale) - certificates;
		int appointments = (int) Math.round(APPOINTMENTS * scale);
		UUID service;
		try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
			service = AppointmentBenchmark.configure(db, label, 5);
		}
		List<String> starts = AppointmentBenchmark.starts(anonymous, base, service, (appointments + 4) / 5);

		List<Stream> streams = new ArrayList<>();
		streams.add(new Stream("incident reports (Open311 POST)", anonymous, incidents,
				i -> IncidentBenchmark.open311Post(base, i), syncList(), new AtomicInteger()));
		for (int r = 0; r < residents.size(); r++) {
			LoadDriver.Session session = residents.get(r);
			int share = r;
			streams.add(new Stream("certificates issued as PDF (e-counter API), resident " + (r + 1), session.http(),
					split(certificates, residents.size(), share),
					i -> CounterBenchmark.submit(base, session, "residence-certificate"), syncList(), new AtomicInteger()));
			streams.add(new Stream("requests for an agent (e-counter API), resident " + (r + 1), session.http(),
					split(agentRequests, residents.size(), share),
					i -> CounterBenchmark.submit(base, session, "criminal-record-extract"), syncList(),
					new AtomicInteger()));
		}
		streams.add(new Stream("appointment bookings (API)", anonymous, appointments,
				i -> AppointmentBenchmark.book(base, service, starts.get(i / 5), i), syncList(), new AtomicInteger()));
		return streams;
	}

	/**
	 * Sends the streams interleaved in their proportions (the i-th request overall goes to the stream that is most
	 * behind its share) from that many clients; the seconds until the last answer.
	 */
	private static double replay(List<Stream> streams, int concurrency) throws Exception {
		int total = streams.stream().mapToInt(Stream::count).sum();
		int[] order = new int[total];
		int[] taken = new int[streams.size()];
		for (int i = 0; i < total; i++) {
			int best = -1;
			double lag = Double.NEGATIVE_INFINITY;
			for (int s = 0; s < streams.size(); s++) {
				if (taken[s] < streams.get(s).count()) {
					double behind = (double) (i + 1) * streams.get(s).count() / total - taken[s];
					if (behind > lag) {
						lag = behind;
						best = s;
					}
				}
			}
			order[i] = best;
			taken[best]++;
		}
		int[] index = new int[total];
		int[] seen = new int[streams.size()];
		for (int i = 0; i < total; i++) {
			index[i] = seen[order[i]]++;
		}

		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
			List<Future<?>> workers = new ArrayList<>();
			for (int w = 0; w < concurrency; w++) {
				workers.add(pool.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < total) {
						Stream stream = streams.get(order[i]);
						HttpRequest request = stream.request().apply(index[i]);
						long t0 = System.nanoTime();
						try {
							HttpResponse<Void> response = stream.http().send(request,
									HttpResponse.BodyHandlers.discarding());
							if (response.statusCode() >= 300) {
								stream.errors().incrementAndGet();
							}
						}
						catch (Exception ex) {
							stream.errors().incrementAndGet();
						}
						stream.latencies().add((System.nanoTime() - t0) / 1e6);
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		return (System.nanoTime() - start) / 1e9;
	}

	/**
	 * Waits until the event listeners have handled every event publication (the audit trail and the mails are
	 * written by them, after the answer); the seconds it took.
	 */
	static double drain(String jdbc, String user, String password) throws Exception {
		long start = System.nanoTime();
		try (Connection db = DriverManager.getConnection(jdbc, user, password);
				PreparedStatement pending = db
					.prepareStatement("select count(*) from event_publication where completion_date is null")) {
			while (true) {
				try (var rs = pending.executeQuery()) {
					rs.next();
					if (rs.getLong(1) == 0) {
						return (System.nanoTime() - start) / 1e9;
					}
				}
				if (System.nanoTime() - start > Duration.ofMinutes(30).toNanos()) {
					throw new IllegalStateException("event publications still pending after 30 minutes");
				}
				Thread.sleep(100);
			}
		}
	}

	private static List<Double> syncList() {
		return Collections.synchronizedList(new ArrayList<>());
	}

	private static int split(int count, int parts, int part) {
		return count / parts + (part < count % parts ? 1 : 0);
	}

	/**
	 * Brings the planner's statistics up to date after the warm-up, as autovacuum keeps them on a database in use: a
	 * table that grew from nothing in a minute would otherwise still be planned as empty.
	 */
	private static void analyze(String jdbc, String user, String password) throws Exception {
		try (Connection db = DriverManager.getConnection(jdbc, user, password); var statement = db.createStatement()) {
			statement.execute("analyze");
		}
	}

	/** Rows per second of a plain insert loop, one row per transaction, from the same number of clients. */
	static double plainInserts(String jdbc, String user, String password, int rows, int concurrency) throws Exception {
		try (Connection db = DriverManager.getConnection(jdbc, user, password); var statement = db.createStatement()) {
			statement.execute("create table if not exists bench_baseline (id bigint primary key, payload varchar(200))");
			statement.execute("delete from bench_baseline");
		}
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
			List<Future<?>> workers = new ArrayList<>();
			for (int w = 0; w < concurrency; w++) {
				workers.add(pool.submit(() -> {
					try (Connection db = DriverManager.getConnection(jdbc, user, password);
							PreparedStatement insert = db.prepareStatement(
									"insert into bench_baseline (id, payload) values (?, ?)")) {
						int i;
						while ((i = next.getAndIncrement()) < rows) {
							insert.setLong(1, i);
							insert.setString(2, "baseline row " + i);
							insert.executeUpdate();
						}
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		double perSecond = rows / ((System.nanoTime() - start) / 1e9);
		try (Connection db = DriverManager.getConnection(jdbc, user, password); var statement = db.createStatement()) {
			statement.execute("drop table bench_baseline");
		}
		return perSecond;
	}
}
