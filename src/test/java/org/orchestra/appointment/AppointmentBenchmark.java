package org.orchestra.appointment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Time;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.orchestra.LoadDriver;

/**
 * Appointment benchmark: configures a commune through its tables, then drives the booking API from this separate
 * process — many clients on few slots (contention: most attempts must get 409, and exactly the seats available
 * must be booked), every client on its own slot (no contention), and slot listing — and prints, per scenario,
 * requests per second, latency percentiles and outcomes. Run by {@code bench/appointments}.
 */
public final class AppointmentBenchmark {

	static final String ORGANISATION = "commune-21004";

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String jdbc = args[1];
		String user = args[2];
		String password = args[3];
		int requests = Integer.parseInt(args.length > 4 ? args[4] : "1000");
		int concurrency = Integer.parseInt(args.length > 5 ? args[5] : "16");
		int contendedSlots = 5;
		int seats = 2;

		UUID contended;
		UUID free;
		try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
			contended = configure(db, "bench-contended", seats);
			free = configure(db, "bench-free", 1);
		}
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		List<String> contendedStarts = starts(http, base, contended, contendedSlots);
		List<String> freeStarts = starts(http, base, free, requests);

		List<LoadDriver.Result> results = new ArrayList<>();
		results.add(LoadDriver.run(http, "warm-up (slot listing)", requests / 4, concurrency,
				i -> get(base + "/api/appointments/organisations/" + ORGANISATION + "/services/" + free + "/slots?days=7")));
		results.add(LoadDriver.run(http, "free slots, 14 days", requests, concurrency,
				i -> get(base + "/api/appointments/organisations/" + ORGANISATION + "/services/" + free
						+ "/slots?days=14")));
		results.add(LoadDriver.run(http, "book, no contention", requests, concurrency,
				i -> book(base, free, freeStarts.get(i), i)));
		results.add(LoadDriver.run(http, "book, " + contendedSlots + " slots x " + seats + " seats", requests,
				concurrency, i -> book(base, contended, contendedStarts.get(i % contendedSlots), i)));

		int bookedFree;
		int bookedContended;
		try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
			bookedFree = count(db, free);
			bookedContended = count(db, contended);
		}
		System.out.printf("%n%-34s %8s %9s %8s %8s %8s %10s%n", "scenario", "requests", "req/s", "p50 ms", "p95 ms",
				"p99 ms", "non-2xx");
		for (LoadDriver.Result r : results) {
			System.out.printf(Locale.ROOT, "%-34s %8d %9.1f %8.1f %8.1f %8.1f %10d%n", r.name(), r.count(),
					r.perSecond(), r.p50(), r.p95(), r.p99(), r.errors());
		}
		System.out.printf("%nno contention: %d booked of %d attempts (expected %d)%n", bookedFree, requests, requests);
		System.out.printf("contention: %d booked of %d attempts on %d slots of %d seats (expected exactly %d; the "
				+ "other %d answered 409)%n", bookedContended, requests, contendedSlots, seats, contendedSlots * seats,
				requests - contendedSlots * seats);
		if (bookedFree != requests || bookedContended != contendedSlots * seats) {
			System.out.println("CAPACITY VIOLATED OR BOOKINGS LOST");
			System.exit(1);
		}
	}

	/** A service of its own with one counter of the given capacity, open every day 06:00-22:00. */
	public static UUID configure(Connection db, String code, int capacity) throws Exception {
		try (PreparedStatement clean = db.prepareStatement("select count(*) from appointment_settings where organisation_id = ?")) {
			clean.setString(1, ORGANISATION);
			try (ResultSet rs = clean.executeQuery()) {
				rs.next();
				if (rs.getInt(1) == 0) {
					update(db, "insert into appointment_settings (id, organisation_id, horizon_days, min_notice_minutes, "
							+ "grid_minutes, version) values (?, ?, 366, 0, 15, 0)", UUID.randomUUID(), ORGANISATION);
					for (int day = 1; day <= 7; day++) {
						update(db, "insert into appointment_hours (id, organisation_id, day_of_week, opens, closes, version) "
								+ "values (?, ?, ?, ?, ?, 0)", UUID.randomUUID(), ORGANISATION, day,
								Time.valueOf(LocalTime.of(6, 0)), Time.valueOf(LocalTime.of(22, 0)));
					}
				}
			}
		}
		UUID service = UUID.randomUUID();
		UUID counter = UUID.randomUUID();
		update(db, "insert into appointment_service (id, organisation_id, code, name_fr, name_nl, name_en, "
				+ "duration_minutes, active, version) values (?, ?, ?, ?, ?, ?, 15, true, 0)", service, ORGANISATION,
				code + "-" + service.toString().substring(0, 6), "Banc d'essai", "Benchmark", "Benchmark");
		update(db, "insert into appointment_counter (id, organisation_id, name, capacity, active, version) "
				+ "values (?, ?, ?, ?, true, 0)", counter, ORGANISATION, "Bench " + code, capacity);
		update(db, "insert into appointment_counter_service (counter_id, service_id) values (?, ?)", counter, service);
		return service;
	}

	static void update(Connection db, String sql, Object... values) throws Exception {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
			statement.executeUpdate();
		}
	}

	static int count(Connection db, UUID service) throws Exception {
		try (PreparedStatement statement = db
			.prepareStatement("select count(*) from appointment_booking where service_id = ? and status = 'BOOKED'")) {
			statement.setObject(1, service);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	/** Free slot starts from the platform's own slot API, from tomorrow on. */
	public static List<String> starts(HttpClient http, String base, UUID service, int wanted) throws Exception {
		List<String> starts = new ArrayList<>();
		LocalDate from = LocalDate.now(ZoneId.of("Europe/Brussels")).plusDays(1);
		Pattern start = Pattern.compile("\"start\":\"([^\"]+)\"");
		while (starts.size() < wanted) {
			HttpResponse<String> response = http.send(get(base + "/api/appointments/organisations/" + ORGANISATION
					+ "/services/" + service + "/slots?days=14&from=" + from), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("slots: " + response.statusCode() + " " + response.body());
			}
			Matcher m = start.matcher(response.body());
			while (m.find() && starts.size() < wanted) {
				starts.add(m.group(1));
			}
			from = from.plusDays(14);
		}
		return starts;
	}

	static HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET().build();
	}

	public static HttpRequest book(String base, UUID service, String start, int i) {
		String body = "{\"service\":\"" + service + "\",\"start\":\"" + start + "\",\"name\":\"Bench " + i
				+ "\",\"email\":\"bench" + i + "@example.org\",\"language\":\"fr\"}";
		return HttpRequest.newBuilder(URI.create(base + "/api/appointments/organisations/" + ORGANISATION + "/bookings"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}
}
