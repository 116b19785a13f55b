package org.orchestra.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server playing a harvest source: recorded responses are served by path and query, and handlers can
 * misbehave (slow, huge, failing) on purpose. Requests for anything not registered get 404.
 */
public final class FixtureServer implements AutoCloseable {

	/** Answers one request. */
	@FunctionalInterface
	public interface Handler {

		void handle(HttpExchange exchange) throws IOException;
	}

	private final HttpServer server;
	private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
	private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

	private FixtureServer(HttpServer server) {
		this.server = server;
	}

	public static FixtureServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			FixtureServer fixture = new FixtureServer(server);
			server.createContext("/", fixture::dispatch);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return fixture;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The absolute URL of a path (with its query, if any) on this server. */
	public String url(String pathAndQuery) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
	}

	/** Serves a body for a path, or for a path with an exact query ({@code /api?start=0}). */
	public FixtureServer serve(String pathAndQuery, String contentType, String body) {
		return handle(pathAndQuery, exchange -> send(exchange, contentType, body));
	}

	/** Sends a body with status 200, for handlers that choose what to answer. */
	public static void send(HttpExchange exchange, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** Answers a path with a status and no body. */
	public FixtureServer status(String pathAndQuery, int status) {
		return handle(pathAndQuery, exchange -> {
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
	}

	public FixtureServer handle(String pathAndQuery, Handler handler) {
		handlers.put(pathAndQuery, handler);
		return this;
	}

	public FixtureServer remove(String pathAndQuery) {
		handlers.remove(pathAndQuery);
		return this;
	}

	/** How many requests a path (with or without its query) received. */
	public int hits(String pathAndQuery) {
		AtomicInteger count = hits.get(pathAndQuery);
		return count == null ? 0 : count.get();
	}

	private void dispatch(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		String query = exchange.getRequestURI().getRawQuery();
		String full = query == null ? path : path + "?" + query;
		hits.computeIfAbsent(full, k -> new AtomicInteger()).incrementAndGet();
		if (!full.equals(path)) {
			hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
		}
		Handler handler = handlers.getOrDefault(full, handlers.get(path));
		try {
			if (handler == null) {
				exchange.sendResponseHeaders(404, -1);
				exchange.close();
				return;
			}
			handler.handle(exchange);
		}
		catch (IOException e) {
			exchange.close();
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
