package org.orchestra.opendata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A look at the data of a distribution, fetched by the server with strict limits: CSV as its first rows, GeoJSON
 * as its feature count, the properties of its first features and the features themselves for a map. Only http
 * and https URLs are fetched, at most {@code orchestra.opendata.preview-max-bytes}, within a few seconds, never
 * from (or redirected to) a private, loopback or link-local address unless
 * {@code orchestra.opendata.allow-private-addresses} is on. The platform's own demo files are read from the
 * application itself.
 */
@Component
public class DistributionPreview {

	/** Rows of a CSV and features of a GeoJSON shown in a table. */
	public static final int ROWS = 20;

	static final int MAX_COLUMNS = 30;
	static final int MAX_CELL = 200;
	static final int MAX_MAP_FEATURES = 1000;
	static final int MAX_REDIRECTS = 3;
	static final Duration TIMEOUT = Duration.ofSeconds(5);
	static final int CACHE_ENTRIES = 200;
	static final long CACHE_NANOS = Duration.ofMinutes(10).toNanos();

	private static final Pattern DEMO_FILE = Pattern.compile("[a-z0-9][a-z0-9-]{0,80}\\.[a-z]{2,8}");
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final ExecutorService READERS = Executors.newVirtualThreadPerTaskExecutor();

	private final String demoBase;
	private final boolean allowPrivateAddresses;
	private final int maxBytes;
	private final HttpClient http;
	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	@Autowired
	DistributionPreview(OpendataProperties properties) {
		this(properties.baseUri(), properties.allowPrivateAddresses(), properties.previewMaxBytes());
	}

	DistributionPreview(String baseUri, boolean allowPrivateAddresses, int maxBytes) {
		this.demoBase = baseUri.replaceAll("/+$", "") + OpendataDemoData.FILES;
		this.allowPrivateAddresses = allowPrivateAddresses;
		this.maxBytes = maxBytes;
		this.http = HttpClient.newBuilder()
			.connectTimeout(TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** What a preview shows. */
	public sealed interface Result permits Table, Features, Unavailable {
	}

	/**
	 * The first rows of a CSV.
	 *
	 * @param truncated whether the file has more rows than shown (or was longer than the preview reads)
	 */
	public record Table(List<String> header, List<List<String>> rows, boolean truncated) implements Result {
	}

	/**
	 * A GeoJSON: how many features, a table of the properties of the first ones, and the features (at most
	 * {@link #MAX_MAP_FEATURES}) as GeoJSON text for a map.
	 */
	public record Features(int count, Table properties, String geojson) implements Result {
	}

	/** No preview, and why (a message key). */
	public record Unavailable(String messageKey) implements Result {
	}

	/** What kind of preview a distribution gets: {@code CSV}, {@code GEOJSON}, or none. */
	public static @Nullable String kindOf(Distribution distribution) {
		String format = distribution.format();
		if (format == null && distribution.mediaType() != null) {
			format = Vocabularies.format(distribution.mediaType()).orElse(null);
		}
		if (format == null) {
			format = Vocabularies.formatOfUrl(distribution.dataUrl()).orElse(null);
		}
		return "CSV".equals(format) || "GEOJSON".equals(format) ? format : null;
	}

	/**
	 * The preview of a distribution, or why there is none. Previews are kept for a few minutes, so that a page
	 * viewed often does not fetch the same file again and again from its publisher.
	 */
	public Result preview(Distribution distribution) {
		String kind = kindOf(distribution);
		if (kind == null) {
			return new Unavailable("opendata.preview.error.format");
		}
		String key = kind + " " + distribution.dataUrl();
		long now = System.nanoTime();
		Cached cached = cache.get(key);
		if (cached != null && now - cached.at() < CACHE_NANOS) {
			return cached.result();
		}
		Result result = "CSV".equals(kind) ? csv(distribution.dataUrl()) : geojson(distribution.dataUrl());
		if (cache.size() >= CACHE_ENTRIES) {
			cache.entrySet().removeIf(e -> now - e.getValue().at() >= CACHE_NANOS);
			if (cache.size() >= CACHE_ENTRIES) {
				cache.clear();
			}
		}
		cache.put(key, new Cached(result, now));
		return result;
	}

	private record Cached(Result result, long at) {
	}

	/** The first rows of the CSV at a URL. */
	public Result csv(String url) {
		try {
			Fetched fetched = fetch(url);
			return parseCsv(decode(fetched.body()), fetched.truncated());
		}
		catch (Refused refused) {
			return new Unavailable(refused.getMessage());
		}
	}

	/** The features of the GeoJSON at a URL. */
	public Result geojson(String url) {
		try {
			Fetched fetched = fetch(url);
			if (fetched.truncated()) {
				return new Unavailable("opendata.preview.error.too-large");
			}
			return parseGeoJson(fetched.body());
		}
		catch (Refused refused) {
			return new Unavailable(refused.getMessage());
		}
	}

	// ---- fetching ----

	private record Fetched(byte[] body, boolean truncated) {
	}

	/** A refusal or failure, with its message key as message. */
	static final class Refused extends Exception {

		Refused(String messageKey) {
			super(messageKey, null, false, false);
		}
	}

	Fetched fetch(String url) throws Refused {
		URI uri;
		try {
			uri = URI.create(url.strip());
		}
		catch (IllegalArgumentException e) {
			throw new Refused("opendata.preview.error.url");
		}
		if (url.strip().startsWith(demoBase)) {
			return demoFile(url.strip().substring(demoBase.length()));
		}
		for (int redirects = 0;; redirects++) {
			check(uri);
			HttpResponse<InputStream> response;
			try {
				response = http.send(HttpRequest.newBuilder(uri)
					.timeout(TIMEOUT)
					.header("User-Agent", "Orchestra-Datastore-Preview/1.0")
					.header("Accept", "text/csv, application/geo+json, application/json;q=0.9, */*;q=0.5")
					.GET()
					.build(), HttpResponse.BodyHandlers.ofInputStream());
			}
			catch (IOException e) {
				throw new Refused("opendata.preview.error.unreachable");
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new Refused("opendata.preview.error.unreachable");
			}
			int status = response.statusCode();
			if (status >= 300 && status < 400) {
				close(response.body());
				String location = response.headers().firstValue("Location").orElse(null);
				if (location == null || redirects >= MAX_REDIRECTS) {
					throw new Refused("opendata.preview.error.redirects");
				}
				try {
					uri = uri.resolve(location.strip());
				}
				catch (IllegalArgumentException e) {
					throw new Refused("opendata.preview.error.url");
				}
				continue;
			}
			if (status < 200 || status >= 300) {
				close(response.body());
				throw new Refused("opendata.preview.error.status");
			}
			return read(response.body());
		}
	}

	private void check(URI uri) throws Refused {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			throw new Refused("opendata.preview.error.scheme");
		}
		if (allowPrivateAddresses) {
			return;
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
				if (isPrivate(address)) {
					throw new Refused("opendata.preview.error.private-address");
				}
			}
		}
		catch (UnknownHostException e) {
			throw new Refused("opendata.preview.error.unreachable");
		}
	}

	/** Loopback, private, link-local, unique-local, wildcard or multicast: not a public address. */
	static boolean isPrivate(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			return (bytes[0] & 0xfe) == 0xfc;
		}
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		return first == 0 || first == 100 && second >= 64 && second < 128 || first >= 240
				|| first == 169 && second == 254;
	}

	private Fetched read(InputStream body) throws Refused {
		Future<Fetched> reading = READERS.submit(() -> {
			try (InputStream in = body) {
				byte[] bytes = in.readNBytes(maxBytes + 1);
				boolean truncated = bytes.length > maxBytes;
				return new Fetched(truncated ? java.util.Arrays.copyOf(bytes, maxBytes) : bytes, truncated);
			}
		});
		try {
			return reading.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			reading.cancel(true);
			close(body);
			throw new Refused("opendata.preview.error.timeout");
		}
		catch (ExecutionException e) {
			throw new Refused("opendata.preview.error.unreachable");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Refused("opendata.preview.error.unreachable");
		}
	}

	private static void close(InputStream body) {
		try {
			body.close();
		}
		catch (IOException e) {
			// nothing more to read
		}
	}

	private Fetched demoFile(String name) throws Refused {
		if (!DEMO_FILE.matcher(name).matches()) {
			throw new Refused("opendata.preview.error.status");
		}
		try (InputStream in = DistributionPreview.class.getResourceAsStream("/static" + OpendataDemoData.FILES + name)) {
			if (in == null) {
				throw new Refused("opendata.preview.error.status");
			}
			byte[] bytes = in.readNBytes(maxBytes + 1);
			boolean truncated = bytes.length > maxBytes;
			return new Fetched(truncated ? java.util.Arrays.copyOf(bytes, maxBytes) : bytes, truncated);
		}
		catch (IOException e) {
			throw new Refused("opendata.preview.error.unreachable");
		}
	}

	// ---- parsing ----

	/** UTF-8 (without its byte-order mark), else Latin-1. */
	static String decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
				&& (bytes[2] & 0xff) == 0xbf ? 3 : 0;
		ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(buffer)
				.toString();
		}
		catch (CharacterCodingException e) {
			// a cut in the middle of a character, or another encoding
			String lenient = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
			return lenient.indexOf('\uFFFD') >= 0 && lenient.indexOf('\uFFFD') < lenient.length() - 2
					? new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1) : lenient;
		}
	}

	/** The header and first rows of a CSV (comma, semicolon or tab separated; quotes as in RFC 4180). */
	static Result parseCsv(String text, boolean cut) {
		int firstLineEnd = text.indexOf('\n');
		String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
		char delimiter = ',';
		long best = firstLine.chars().filter(c -> c == ',').count();
		for (char candidate : new char[] { ';', '\t', '|' }) {
			long count = firstLine.chars().filter(c -> c == candidate).count();
			if (count > best) {
				best = count;
				delimiter = candidate;
			}
		}
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		boolean complete = true;
		int i = 0;
		while (i < text.length() && records.size() <= ROWS + 1) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (c == delimiter) {
				record.add(clip(cell.toString()));
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				record.add(clip(cell.toString()));
				cell.setLength(0);
				if (!(record.size() == 1 && record.getFirst().isEmpty())) {
					records.add(record);
				}
				record = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
			i++;
		}
		if (i >= text.length() && (!cell.isEmpty() || !record.isEmpty())) {
			if (cut) {
				complete = false;
			}
			else {
				record.add(clip(cell.toString()));
				records.add(record);
			}
		}
		if (records.isEmpty()) {
			return new Unavailable("opendata.preview.error.empty");
		}
		List<String> header = limit(records.getFirst());
		List<List<String>> rows = new ArrayList<>();
		for (List<String> row : records.subList(1, records.size())) {
			if (rows.size() == ROWS) {
				break;
			}
			List<String> padded = new ArrayList<>(limit(row));
			while (padded.size() < header.size()) {
				padded.add("");
			}
			rows.add(padded.subList(0, Math.max(header.size(), Math.min(padded.size(), MAX_COLUMNS))));
		}
		boolean truncated = cut || !complete || records.size() > ROWS + 1 || i < text.length();
		return new Table(header, rows, truncated);
	}

	private static List<String> limit(List<String> row) {
		return row.size() > MAX_COLUMNS ? List.copyOf(row.subList(0, MAX_COLUMNS)) : List.copyOf(row);
	}

	private static String clip(String value) {
		String stripped = value.strip();
		return stripped.length() > MAX_CELL ? stripped.substring(0, MAX_CELL) + "…" : stripped;
	}

	/** The features of a GeoJSON document (a FeatureCollection, a Feature or a bare geometry). */
	static Result parseGeoJson(byte[] body) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException e) {
			return new Unavailable("opendata.preview.error.invalid");
		}
		if (root == null || !root.isObject()) {
			return new Unavailable("opendata.preview.error.invalid");
		}
		List<JsonNode> features = new ArrayList<>();
		String type = root.path("type").asString("");
		if ("FeatureCollection".equals(type) && root.path("features").isArray()) {
			root.path("features").forEach(features::add);
		}
		else if ("Feature".equals(type)) {
			features.add(root);
		}
		else if (!type.isEmpty() && root.has("coordinates") || "GeometryCollection".equals(type)) {
			ObjectNode feature = JSON.createObjectNode();
			feature.put("type", "Feature");
			feature.set("geometry", root);
			feature.set("properties", JSON.createObjectNode());
			features.add(feature);
		}
		else {
			return new Unavailable("opendata.preview.error.invalid");
		}
		Set<String> keys = new LinkedHashSet<>();
		for (JsonNode feature : features.subList(0, Math.min(ROWS, features.size()))) {
			JsonNode properties = feature.path("properties");
			if (properties.isObject()) {
				for (String key : properties.propertyNames()) {
					if (keys.size() < MAX_COLUMNS) {
						keys.add(clip(key));
					}
				}
			}
		}
		List<List<String>> rows = new ArrayList<>();
		for (JsonNode feature : features.subList(0, Math.min(ROWS, features.size()))) {
			JsonNode properties = feature.path("properties");
			List<String> row = new ArrayList<>();
			for (String key : keys) {
				JsonNode value = properties.path(key);
				row.add(value.isMissingNode() || value.isNull() ? ""
						: clip(value.isValueNode() ? value.asString("") : value.toString()));
			}
			rows.add(row);
		}
		ObjectNode collection = JSON.createObjectNode();
		collection.put("type", "FeatureCollection");
		ArrayNode mapped = collection.putArray("features");
		features.stream().limit(MAX_MAP_FEATURES).forEach(mapped::add);
		String geojson = JSON.writeValueAsString(collection)
			.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026");
		return new Features(features.size(), new Table(List.copyOf(keys), rows, features.size() > ROWS), geojson);
	}
}
