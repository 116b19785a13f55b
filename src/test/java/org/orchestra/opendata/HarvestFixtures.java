package org.orchestra.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recorded answers of CKAN and Opendatasoft catalogues (files under {@code opendata/fixtures/}) with their
 * placeholders filled ({@code {{run}}}, {@code {{base}}}, ...), and small fakes that serve them page by page as
 * those APIs do, so that a test can remove or change a record between two harvests.
 */
public final class HarvestFixtures {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private HarvestFixtures() {
	}

	/** A fixture file's text with {@code {{key}}} replaced by the values. */
	public static String read(String path, Map<String, String> values) {
		try (InputStream in = HarvestFixtures.class.getResourceAsStream("/opendata/fixtures/" + path)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + path);
			}
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (Map.Entry<String, String> value : values.entrySet()) {
				text = text.replace("{{" + value.getKey() + "}}", value.getValue());
			}
			return text;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static ObjectNode json(String path, Map<String, String> values) {
		return (ObjectNode) JSON.readTree(read(path, values));
	}

	static Map<String, String> query(HttpExchange exchange) {
		Map<String, String> query = new HashMap<>();
		String raw = exchange.getRequestURI().getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return query;
	}


	/** A catalogue's records as a fake serves them; tests change them between harvests. */
	public static final class Records {

		private final List<ObjectNode> records = new CopyOnWriteArrayList<>();

		Records(ArrayNode results) {
			results.forEach(r -> records.add((ObjectNode) r));
		}

		public List<ObjectNode> all() {
			return List.copyOf(records);
		}

		public Records remove(Predicate<ObjectNode> which) {
			records.removeIf(which);
			return this;
		}

		public Records change(Predicate<ObjectNode> which, UnaryOperator<ObjectNode> change) {
			for (int i = 0; i < records.size(); i++) {
				if (which.test(records.get(i))) {
					records.set(i, change.apply(records.get(i).deepCopy()));
				}
			}
			return this;
		}

		public Records add(ObjectNode record) {
			records.add(record);
			return this;
		}

		List<ObjectNode> slice(long from, long size) {
			List<ObjectNode> all = all();
			List<ObjectNode> page = new ArrayList<>();
			for (long i = from; i < Math.min(all.size(), from + size); i++) {
				page.add(all.get((int) i));
			}
			return page;
		}
	}

	/**
	 * Serves {@code prefix/api/3/action/package_search} from the recorded answer {@code ckan/package_search.json},
	 * paged by {@code rows} and {@code start} like CKAN does.
	 */
	public static Records ckan(FixtureServer server, String prefix, Map<String, String> values) {
		ObjectNode recorded = json("ckan/package_search.json", values);
		Records records = new Records((ArrayNode) recorded.path("result").path("results"));
		server.handle(prefix + "/api/3/action/package_search", exchange -> {
			Map<String, String> query = query(exchange);
			long rows = Long.parseLong(query.getOrDefault("rows", "10"));
			long start = Long.parseLong(query.getOrDefault("start", "0"));
			ObjectNode answer = recorded.deepCopy();
			ObjectNode result = (ObjectNode) answer.get("result");
			result.put("count", records.all().size());
			ArrayNode results = result.putArray("results");
			records.slice(start, rows).forEach(results::add);
			FixtureServer.send(exchange, "application/json;charset=utf-8", JSON.writeValueAsString(answer));
		});
		return records;
	}

	/**
	 * Serves {@code prefix/api/explore/v2.1/catalog/datasets} from the recorded answer
	 * {@code opendatasoft/catalog_datasets.json}, paged by {@code limit} and {@code offset} like Opendatasoft does.
	 */
	public static Records opendatasoft(FixtureServer server, String prefix, Map<String, String> values) {
		ObjectNode recorded = json("opendatasoft/catalog_datasets.json", values);
		Records records = new Records((ArrayNode) recorded.path("results"));
		server.handle(prefix + "/api/explore/v2.1/catalog/datasets", exchange -> {
			Map<String, String> query = query(exchange);
			long limit = Long.parseLong(query.getOrDefault("limit", "10"));
			long offset = Long.parseLong(query.getOrDefault("offset", "0"));
			ObjectNode answer = recorded.deepCopy();
			answer.put("total_count", records.all().size());
			ArrayNode results = answer.putArray("results");
			records.slice(offset, limit).forEach(results::add);
			FixtureServer.send(exchange, "application/json; charset=utf-8", JSON.writeValueAsString(answer));
		});
		return records;
	}

	/** The text of a field of a record. */
	public static String text(JsonNode record, String field) {
		return record.path(field).asString("");
	}
}
