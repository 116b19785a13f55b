package org.orchestra.opendata.harvest;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP client of one harvest run. Every request must complete, body included, within the timeout; a response
 * larger than the byte limit is cut off; a run may make at most {@code maxRequests} requests and never asks for
 * the same URL twice (an endless or looping paging fails the run instead of running forever). Non-2xx answers
 * fail the run. Unless private addresses are allowed, every URL asked for, redirections included, must resolve to
 * public addresses only (a source cannot make the platform read its own network).
 */
public class SourceClient {

	private static final String USER_AGENT = "Orchestra-Datastore-Harvester/1.0";

	private static final int MAX_REDIRECTS = 5;

	private final HttpClient http;
	private final Duration timeout;
	private final long maxBytes;
	private final int maxRequests;
	private final boolean allowPrivateAddresses;
	private final Set<String> requested = new HashSet<>();
	private long bytesRead;

	public SourceClient(HttpClient http, Duration timeout, long maxBytes, int maxRequests) {
		this(http, timeout, maxBytes, maxRequests, true);
	}

	private SourceClient(HttpClient http, Duration timeout, long maxBytes, int maxRequests,
			boolean allowPrivateAddresses) {
		this.http = http;
		this.timeout = timeout;
		this.maxBytes = maxBytes;
		this.maxRequests = maxRequests;
		this.allowPrivateAddresses = allowPrivateAddresses;
	}

	/** A client with its own HTTP connection pool, following redirects, reaching any address. */
	public static SourceClient create(Duration timeout, long maxBytes, int maxRequests) {
		return create(timeout, maxBytes, maxRequests, true);
	}

	/**
	 * A client with its own HTTP connection pool, following redirects; unless {@code allowPrivateAddresses}, it
	 * refuses URLs (and redirections) to loopback, private, link-local or otherwise non-public addresses.
	 */
	public static SourceClient create(Duration timeout, long maxBytes, int maxRequests,
			boolean allowPrivateAddresses) {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(allowPrivateAddresses ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
			.build();
		return new SourceClient(http, timeout, maxBytes, maxRequests, allowPrivateAddresses);
	}

	/**
	 * Whether a host name resolves to an address that is not public (loopback, private, link-local, ...); a name
	 * that does not resolve is not.
	 */
	public static boolean resolvesToPrivateAddress(String host) {
		try {
			for (InetAddress address : InetAddress.getAllByName(host)) {
				if (!isPublic(address)) {
					return true;
				}
			}
			return false;
		}
		catch (UnknownHostException | SecurityException e) {
			return false;
		}
	}

	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (bytes.length == 4) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// 0/8 this network, 100.64/10 shared, 192.0.0/24 protocol assignments, 198.18/15 benchmarking, 240/4
			return first != 0 && !(first == 100 && second >= 64 && second <= 127)
					&& !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
					&& !(first == 198 && (second == 18 || second == 19)) && first < 240;
		}
		// fc00::/7 unique local addresses
		return (bytes[0] & 0xfe) != 0xfc;
	}

	/** A response: its status, media type (without parameters) and body. */
	public record Response(String url, int status, @Nullable String mediaType, Charset charset, byte[] body) {

		public String text() {
			return new String(body, charset);
		}
	}

	/** GETs a URL with an Accept header; fails the run on any error. */
	public Response get(String url, String accept) {
		return get(url, Map.of("Accept", accept));
	}

	public synchronized Response get(String url, Map<String, String> headers) {
		if (!requested.add(url)) {
			throw new HarvestFailure("Paging loop: " + url + " was asked for twice");
		}
		if (requested.size() > maxRequests) {
			throw new HarvestFailure("More than " + maxRequests + " pages: stopped");
		}
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException e) {
			throw new HarvestFailure("Invalid URL: " + url);
		}
		if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
			throw new HarvestFailure("Only http and https URLs can be harvested: " + url);
		}
		HttpResponse<byte[]> response = send(uri, url, headers);
		for (int hop = 0; !allowPrivateAddresses && isRedirect(response.statusCode()); hop++) {
			String location = response.headers().firstValue("Location").orElse(null);
			if (location == null) {
				break;
			}
			if (hop >= MAX_REDIRECTS) {
				throw new HarvestFailure("Too many redirections from " + url);
			}
			URI next;
			try {
				next = response.uri().resolve(location.strip());
			}
			catch (IllegalArgumentException e) {
				throw new HarvestFailure("Invalid redirection from " + url + ": " + location);
			}
			response = send(next, url, headers);
		}
		int status = response.statusCode();
		if (status == 429) {
			throw new HarvestFailure("The source refused more requests (HTTP 429) at " + url);
		}
		if (status < 200 || status > 299) {
			throw new HarvestFailure("HTTP " + status + " from " + url);
		}
		bytesRead += response.body().length;
		Optional<String> contentType = response.headers().firstValue("Content-Type");
		String mediaType = contentType.map(t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT)).orElse(null);
		Charset charset = contentType.flatMap(SourceClient::charsetOf).orElse(StandardCharsets.UTF_8);
		return new Response(response.uri().toString(), status, mediaType, charset, response.body());
	}

	private static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	private HttpResponse<byte[]> send(URI uri, String url, Map<String, String> headers) {
		if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
			throw new HarvestFailure("Only http and https URLs can be harvested: " + uri);
		}
		if (!allowPrivateAddresses && (uri.getHost() == null || resolvesToPrivateAddress(uri.getHost()))) {
			throw new HarvestFailure("Refused: " + uri.getHost() + " is not a public address (" + uri + ")");
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
			.header("User-Agent", USER_AGENT);
		headers.forEach(request::header);
		CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request.build(),
				info -> new Limited(maxBytes));
		HttpResponse<byte[]> response;
		try {
			response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			future.cancel(true);
			throw new HarvestFailure("No complete answer within " + timeout.toSeconds() + " s from " + url);
		}
		catch (InterruptedException e) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new HarvestFailure("Interrupted while reading " + url);
		}
		catch (ExecutionException e) {
			Throwable cause = e.getCause() == null ? e : e.getCause();
			if (cause instanceof TooLarge) {
				throw new HarvestFailure("Answer larger than " + maxBytes + " bytes from " + url);
			}
			if (cause instanceof java.net.http.HttpTimeoutException) {
				// the client's own timeout and ours are the same: whichever fires first, the same report
				throw new HarvestFailure("No complete answer within " + timeout.toSeconds() + " s from " + url);
			}
			throw new HarvestFailure("Could not read " + url + ": " + cause.getClass().getSimpleName()
					+ (cause.getMessage() == null ? "" : " " + cause.getMessage()));
		}
		return response;
	}

	private static Optional<Charset> charsetOf(String contentType) {
		for (String part : contentType.split(";")) {
			String p = part.strip();
			if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
				try {
					return Optional.of(Charset.forName(p.substring(8).replace("\"", "").strip()));
				}
				catch (RuntimeException e) {
					return Optional.empty();
				}
			}
		}
		return Optional.empty();
	}

	/** How many requests this run made. */
	public synchronized int requests() {
		return requested.size();
	}

	public synchronized long bytesRead() {
		return bytesRead;
	}

	private static final class TooLarge extends RuntimeException {

		TooLarge() {
			super(null, null, false, false);
		}
	}

	/** Collects a body up to a limit and cancels the exchange beyond it. */
	private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {

		private final long limit;
		private final ByteArrayOutputStream out = new ByteArrayOutputStream();
		private final CompletableFuture<byte[]> result = new CompletableFuture<>();
		private Flow.@Nullable Subscription subscription;

		Limited(long limit) {
			this.limit = limit;
		}

		@Override
		public java.util.concurrent.CompletionStage<byte[]> getBody() {
			return result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> items) {
			if (result.isDone()) {
				return;
			}
			for (ByteBuffer buffer : items) {
				if (out.size() + (long) buffer.remaining() > limit) {
					result.completeExceptionally(new TooLarge());
					if (subscription != null) {
						subscription.cancel();
					}
					return;
				}
				byte[] chunk = new byte[buffer.remaining()];
				buffer.get(chunk);
				out.write(chunk, 0, chunk.length);
			}
		}

		@Override
		public void onError(Throwable throwable) {
			result.completeExceptionally(throwable);
		}

		@Override
		public void onComplete() {
			result.complete(out.toByteArray());
		}
	}
}
