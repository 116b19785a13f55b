package org.orchestra.opendata;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Harvest throughput and catalogue streaming on a running platform: a generated source of N datasets is served
 * locally as DCAT Turtle (Hydra pages of 100) and as a CKAN Action API; each is harvested by the platform's
 * scheduler (first run: everything created; second run: everything unchanged; third run after every record
 * changed: everything updated), timed from the job's own start and end. Then the whole catalogue is streamed as
 * N-Triples and walked page by page as Turtle, with the platform's resident memory sampled meanwhile. Run by
 * {@code bench/opendata}.
 */
public final class OpendataBenchmark {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String jdbc = args[1];
		String user = args[2];
		String password = args[3];
		long pid = Long.parseLong(args[4]);
		int total = Integer.parseInt(args.length > 5 ? args[5] : "10000");
		GeneratedSource generated = new GeneratedSource(total, 100);
		List<String[]> rows = new ArrayList<>();
		try (FixtureServer server = FixtureServer.start(); Connection db = DriverManager.getConnection(jdbc, user, password)) {
			generated.serveOn(server);
			for (String kind : List.of("DCAT", "CKAN")) {
				String url = kind.equals("DCAT") ? server.url("/dcat/catalog") : server.url("");
				UUID source = createSource(db, kind, url);
				rows.add(row(kind + " first run (created)", harvest(db, source), total));
				rows.add(row(kind + " second run (unchanged)", harvest(db, source), total));
				generated.revise();
				rows.add(row(kind + " after every record changed", harvest(db, source), total));
				generated.revise();
			}
			long published = count(db, "select count(*) from opendata_dataset where status = 'PUBLISHED'");
			System.out.printf(Locale.ROOT, "%n%-40s %9s %9s %9s %9s %9s %9s%n", "harvest", "datasets", "seconds",
					"per s", "created", "updated", "unchanged");
			for (String[] r : rows) {
				System.out.printf(Locale.ROOT, "%-40s %9s %9s %9s %9s %9s %9s%n", (Object[]) r);
			}
			System.out.printf(Locale.ROOT, "published datasets in the catalogue afterwards: %d%n", published);
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			System.out.printf(Locale.ROOT, "%n%-40s %9s %12s %9s %12s %12s%n", "catalogue", "seconds", "bytes",
					"requests", "RSS before", "RSS peak");
			stream(http, pid, "whole catalogue, N-Triples dump", List.of(base + "/opendata/catalog/dump.nt"));
			long pages = (published + 99) / 100;
			List<String> pageUrls = new ArrayList<>();
			for (int p = 1; p <= pages; p++) {
				pageUrls.add(base + "/opendata/catalog?page=" + p);
			}
			stream(http, pid, "all pages of 100, Turtle", pageUrls);
		}
	}

	private static String[] row(String name, long[] job, int total) {
		double seconds = job[0] / 1000.0;
		return new String[] { name, String.valueOf(total), String.format(Locale.ROOT, "%.1f", seconds),
				String.format(Locale.ROOT, "%.0f", total / seconds), String.valueOf(job[1]), String.valueOf(job[2]),
				String.valueOf(job[3]) };
	}

	private static UUID createSource(Connection db, String kind, String url) throws Exception {
		UUID id = UUID.randomUUID();
		try (PreparedStatement insert = db.prepareStatement("""
				insert into opendata_source (id, organisation_id, name, kind, url, schedule, enabled, page_size, max_pages,
				  max_bytes, timeout_seconds, next_run_at, created_at, version)
				values (?, 'region', ?, ?, ?, 'MONTHLY', true, 100, 100000, 52428800, 60, null, now(), 0)""")) {
			insert.setObject(1, id);
			insert.setString(2, "Benchmark " + kind);
			insert.setString(3, kind);
			insert.setString(4, url);
			insert.executeUpdate();
		}
		return id;
	}

	/** Makes the source due, waits for the scheduler's run to end; returns millis, created, updated, unchanged. */
	private static long[] harvest(Connection db, UUID source) throws Exception {
		Instant asked = Instant.now();
		try (PreparedStatement due = db.prepareStatement("update opendata_source set next_run_at = ? where id = ?")) {
			due.setTimestamp(1, Timestamp.from(asked.minusSeconds(1)));
			due.setObject(2, source);
			due.executeUpdate();
		}
		Instant deadline = asked.plus(Duration.ofMinutes(30));
		while (Instant.now().isBefore(deadline)) {
			try (PreparedStatement job = db.prepareStatement("""
					select status, started_at, finished_at, created, updated, unchanged, failed, message
					from opendata_harvest_job where source_id = ? and started_at >= ? order by started_at desc""")) {
				job.setObject(1, source);
				job.setTimestamp(2, Timestamp.from(asked.minusSeconds(2)));
				try (ResultSet rs = job.executeQuery()) {
					if (rs.next() && !"RUNNING".equals(rs.getString(1))) {
						if (!"SUCCEEDED".equals(rs.getString(1)) || rs.getInt(7) > 0) {
							throw new IllegalStateException("Harvest " + rs.getString(1) + ", " + rs.getInt(7)
									+ " failed: " + rs.getString(8));
						}
						long millis = rs.getTimestamp(3).getTime() - rs.getTimestamp(2).getTime();
						return new long[] { millis, rs.getInt(4), rs.getInt(5), rs.getInt(6) };
					}
				}
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("Harvest did not finish within 30 minutes");
	}

	private static long count(Connection db, String sql) throws Exception {
		try (PreparedStatement query = db.prepareStatement(sql); ResultSet rs = query.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void stream(HttpClient http, long pid, String name, List<String> urls) throws Exception {
		long before = rss(pid);
		AtomicLong peak = new AtomicLong(before);
		Thread sampler = Thread.ofPlatform().daemon().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(rss(pid), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});
		long bytes = 0;
		long start = System.nanoTime();
		byte[] buffer = new byte[64 * 1024];
		for (String url : urls) {
			HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Accept", url.endsWith(".nt") ? "application/n-triples" : "text/turtle")
				.build(), HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url);
			}
			try (InputStream in = response.body()) {
				for (int n; (n = in.read(buffer)) > 0;) {
					bytes += n;
				}
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		sampler.interrupt();
		sampler.join();
		System.out.printf(Locale.ROOT, "%-40s %9.1f %12d %9d %9d MB %9d MB%n", name, seconds, bytes, urls.size(),
				before / 1024, peak.get() / 1024);
	}

	/** Resident set size of a process in KiB. */
	private static long rss(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (Exception e) {
			return 0;
		}
		return 0;
	}
}
