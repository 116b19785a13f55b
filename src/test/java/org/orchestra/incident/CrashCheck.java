package org.orchestra.incident;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crash check, run by {@code bench/crash}. Phase {@code load}: concurrent clients submit reports through Open311
 * while the platform is killed with SIGKILL after a while; every acknowledged report id is written to a file.
 * Phase {@code verify} (after the script restarts the platform): every acknowledged report is there, every report
 * has its whole submission (the "submitted" and "routed" timeline entries written in the same transaction), and the
 * event outbox and the notification outbox drain. Prints a table; exits with 1 when an invariant is broken.
 */
public final class CrashCheck {

	private static final Pattern ID = Pattern.compile("\"service_request_id\"\\s*:\\s*\"(\\d+)\"");

	public static void main(String[] args) throws Exception {
		String phase = args[0];
		if (phase.equals("load")) {
			load(args[1], args[2], args[3], args[4], Long.parseLong(args[5]), Integer.parseInt(args[6]),
					Long.parseLong(args[7]), Path.of(args[8]));
		}
		else {
			System.exit(verify(args[1], args[2], args[3], Path.of(args[4])) ? 0 : 1);
		}
	}

	static void load(String base, String jdbc, String user, String password, long pid, int clients, long killAfterMs,
			Path acknowledged) throws Exception {
		IncidentBenchmark.seed(jdbc, user, password, 0);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger sent = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			pool.submit(() -> {
				while (running.get()) {
					int i = sent.incrementAndGet();
					HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/open311/v2/requests.json"))
						.timeout(Duration.ofSeconds(10))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString("api_key=" + IncidentBenchmark.API_KEY
								+ "&service_code=" + IncidentBenchmark.CATEGORIES[i % IncidentBenchmark.CATEGORIES.length]
								+ "&lat=" + (50.80 + (i % 100) * 0.0008) + "&long=" + (4.33 + (i % 97) * 0.0009)
								+ "&attribute%5Blocation_type%5D=ROADWAY&email=crash" + i
								+ "%40example.invalid&description=Crash+check+report+" + i))
						.build();
					try {
						HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
						Matcher id = ID.matcher(response.body());
						if (response.statusCode() / 100 == 2 && id.find()) {
							ids.add(id.group(1));
						}
						else {
							failed.incrementAndGet();
						}
					}
					catch (Exception ex) {
						failed.incrementAndGet();
						if (ex instanceof InterruptedException) {
							return null;
						}
						Thread.sleep(50);
					}
				}
				return null;
			});
		}
		Thread.sleep(killAfterMs);
		ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
		Thread.sleep(500); // clients see the platform gone before they stop
		running.set(false);
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.SECONDS);
		Files.write(acknowledged, ids);
		System.out.printf(Locale.ROOT, "killed the platform (SIGKILL) after %.1f s of load: %d submissions sent, %d acknowledged, %d not (in flight or refused during the kill)%n",
				killAfterMs / 1000.0, sent.get(), ids.size(), failed.get());
	}

	static boolean verify(String jdbc, String user, String password, Path acknowledged) throws Exception {
		List<String> ids = Files.readAllLines(acknowledged);
		List<String[]> rows = new ArrayList<>();
		boolean ok = true;
		try (Connection connection = DriverManager.getConnection(jdbc, user, password);
				Statement statement = connection.createStatement()) {
			Set<String> present = new HashSet<>();
			try (ResultSet rs = statement.executeQuery("select id from incident_report where source = 'OPEN311'")) {
				while (rs.next()) {
					present.add(Long.toString(rs.getLong(1)));
				}
			}
			long lost = ids.stream().filter(id -> !present.contains(id)).count();
			rows.add(new String[] { "acknowledged reports", Integer.toString(ids.size()) });
			rows.add(new String[] { "acknowledged reports missing after restart", Long.toString(lost) });
			rows.add(new String[] { "reports stored (acknowledged or not)", Integer.toString(present.size()) });
			ok &= lost == 0 && !ids.isEmpty();

			long partial = count(statement, """
					select count(*) from incident_report r
					where r.source = 'OPEN311' and (
					  not exists (select 1 from incident_event e where e.report_id = r.id and e.type = 'submitted')
					  or not exists (select 1 from incident_event e where e.report_id = r.id and e.type = 'routed'))""");
			rows.add(new String[] { "reports without their whole submission", Long.toString(partial) });
			ok &= partial == 0;

			long outstanding = untilZero(statement,
					"select count(*) from event_publication where completion_date is null", Duration.ofSeconds(90));
			rows.add(new String[] { "events unprocessed (waiting up to 90 s)", Long.toString(outstanding) });
			ok &= outstanding == 0;
			rows.add(new String[] { "messages in the notification outbox",
					Long.toString(count(statement, "select count(*) from notification_message")) });
			long unsent = untilZero(statement,
					"select count(*) from notification_message where status in ('PENDING', 'SENDING')",
					Duration.ofSeconds(150));
			rows.add(new String[] { "messages unsent (waiting up to 150 s)", Long.toString(unsent) });
			ok &= unsent == 0;
		}
		System.out.printf(Locale.ROOT, "%n%-48s %10s%n", "crash check", "value");
		for (String[] row : rows) {
			System.out.printf(Locale.ROOT, "%-48s %10s%n", row[0], row[1]);
		}
		System.out.println(ok ? "\nall invariants hold" : "\nINVARIANT BROKEN");
		return ok;
	}

	/** Polls a count until it reaches zero or the time is up; returns the last count. */
	private static long untilZero(Statement statement, String sql, Duration patience) throws Exception {
		long deadline = System.nanoTime() + patience.toNanos();
		long count = count(statement, sql);
		while (count != 0 && System.nanoTime() < deadline) {
			Thread.sleep(1000);
			count = count(statement, sql);
		}
		return count;
	}

	private static long count(Statement statement, String sql) throws Exception {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
