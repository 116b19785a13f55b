package org.orchestra.exchange;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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

import org.orchestra.LoadDriver.Result;

import static org.orchestra.LoadDriver.run;

/**
 * The gateway against calling the demo source directly, over HTTP, with durable logging on: throughput ratio and
 * added latency. Run by {@code bench/exchange}.
 */
public final class ExchangeBenchmark {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String jdbc = args[1];
		int requests = Integer.parseInt(args.length > 4 ? args[4] : "3000");
		int concurrency = Integer.parseInt(args.length > 5 ? args[5] : "16");
		ExchangeTestClient client = new ExchangeTestClient();
		client.clientId = "commune-21009.bench." + UUID.randomUUID().toString().substring(0, 6);
		try (Connection connection = DriverManager.getConnection(jdbc, args[2], args[3])) {
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into exchange_client (id, client_id, partner_id, name, public_key, active, rate_per_second, created_at)
					values (?, ?, 'commune-21009', 'Benchmark', ?, true, 100000, now())""")) {
				insert.setObject(1, UUID.randomUUID());
				insert.setString(2, client.clientId);
				insert.setString(3, client.publicKeyPem());
				insert.executeUpdate();
			}
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into exchange_right (id, client_id, partner_id, service, operation, purpose, legal_basis, status,
					  requested_by, requested_at, decided_by, decided_at)
					values (?, ?, 'commune-21009', 'population-register', 'person', 'benchmark', 'benchmark', 'GRANTED',
					  'bench', now(), 'bench', now())""")) {
				insert.setObject(1, UUID.randomUUID());
				insert.setString(2, client.clientId);
				insert.executeUpdate();
			}
		}
		HttpClient http = HttpClient.newHttpClient();
		String issuer = args.length > 6 ? args[6] : base + "/exchange/oauth/token";
		String form = "grant_type=client_credentials&client_assertion_type="
				+ URLEncoder.encode(ClientAuthentication.ASSERTION_TYPE, StandardCharsets.UTF_8) + "&client_assertion="
				+ client.assertion(issuer);
		HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/exchange/oauth/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		if (token.statusCode() != 200) {
			throw new IllegalStateException("token: " + token.body());
		}
		String bearer = "Bearer " + token.body().replaceAll("(?s).*\"access_token\":\"([^\"]+)\".*", "$1");
		List<String> residents = new DemoSources().persons().stream().filter(p -> p.nisCode().equals("21009"))
			.map(DemoSources.Person::nationalNumber).toList();

		IntFunction<HttpRequest> direct = i -> HttpRequest.newBuilder(URI.create(base
				+ "/exchange/demo-sources/population-register/person?subject=" + residents.get(i % residents.size())))
			.header("Authorization", "Bearer demo-source").build();
		IntFunction<HttpRequest> gateway = i -> HttpRequest.newBuilder(URI.create(base
				+ "/exchange/v1/population-register/person?purpose=benchmark&nn=" + residents.get(i % residents.size())))
			.header("Authorization", bearer).build();
		run(http, "warm-up", requests / 3, concurrency, gateway);
		run(http, "warm-up", requests / 3, concurrency, direct);
		Result d = run(http, "demo source, direct", requests, concurrency, direct);
		Result g = run(http, "through the gateway (logged)", requests, concurrency, gateway);
		System.out.printf(Locale.ROOT, "%n%-32s %9s %9s %9s %9s %9s %7s%n", "scenario", "requests", "req/s", "p50 ms",
				"p95 ms", "p99 ms", "errors");
		for (Result r : List.of(d, g)) {
			System.out.printf(Locale.ROOT, "%-32s %9d %9.0f %9.1f %9.1f %9.1f %7d%n", r.name(), r.count(), r.perSecond(), r.p50(),
					r.p95(), r.p99(), r.errors());
		}
		System.out.printf(Locale.ROOT, "%ngateway/direct throughput: %.2f; added latency p50 %.1f ms, p95 %.1f ms; "
				+ "%d concurrent clients; %d cores%n", g.perSecond() / d.perSecond(), g.p50() - d.p50(), g.p95() - d.p95(),
				concurrency, Runtime.getRuntime().availableProcessors());
	}

}
