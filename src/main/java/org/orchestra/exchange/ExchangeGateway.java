package org.orchestra.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway: checks the caller's right for the operation and purpose, checks that the person asked about is in
 * the partner's population before anything reaches the source, calls the source, and logs every transaction,
 * refused or not, before the answer leaves.
 */
@Service
public class ExchangeGateway {

	private static final Duration RIGHTS_CACHE = Duration.ofSeconds(5);

	private final ServiceCatalog catalog;
	private final Rights rights;
	private final Population population;
	private final Providers providers;
	private final TransactionLog log;
	private final ExchangeKeys keys;
	private final JsonMapper json = JsonMapper.builder().build();
	private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
	private final Map<String, CachedRights> rightsCache = new ConcurrentHashMap<>();

	private record CachedRights(List<AccessRight> granted, Instant until) {
	}

	ExchangeGateway(ServiceCatalog catalog, Rights rights, Population population, Providers providers,
			TransactionLog log, ExchangeKeys keys) {
		this.catalog = catalog;
		this.rights = rights;
		this.population = population;
		this.providers = providers;
		this.log = log;
		this.keys = keys;
	}

	/** What the gateway answers: the logged message id, the outcome and the source's data when it succeeded. */
	public record Answer(String messageId, Outcome outcome, @Nullable Map<String, Object> data, String message) {
	}

	public Answer call(ExchangeClient client, String service, String operation, @Nullable String subject,
			@Nullable String purpose) {
		long start = System.nanoTime();
		String messageId = UUID.randomUUID().toString();
		String usedPurpose = purpose == null ? "" : purpose.trim();
		ServiceDefinition definition = catalog.find(service).orElse(null);
		ServiceDefinition.Operation op = definition == null ? null : definition.operation(operation).orElse(null);
		String personHash = op != null && op.personal() && subject != null ? keys.personHash(subject.trim()) : null;
		Outcome outcome;
		Map<String, Object> data = null;
		String message;
		if (definition == null) {
			outcome = Outcome.UNKNOWN_SERVICE;
			message = "unknown service " + service;
		}
		else if (op == null) {
			outcome = Outcome.UNKNOWN_OPERATION;
			message = "unknown operation " + operation;
		}
		else if (subject == null || subject.isBlank() || subject.length() > 64 || usedPurpose.isEmpty()) {
			outcome = Outcome.INVALID_REQUEST;
			message = "the parameter " + op.parameter() + " and a purpose are required";
		}
		else if (!limiter(client).acquirePermission()) {
			outcome = Outcome.RATE_LIMITED;
			message = "too many requests for this client";
		}
		else {
			List<AccessRight> granted = granted(client.clientId(), service, operation);
			if (granted.isEmpty()) {
				outcome = Outcome.NO_RIGHT;
				message = "no right for " + service + "/" + operation;
			}
			else if (granted.stream().noneMatch(r -> r.purpose().equals(usedPurpose))) {
				outcome = Outcome.PURPOSE_MISMATCH;
				message = "the right for " + service + "/" + operation + " is not granted for this purpose";
			}
			else if (personHash != null && !population.existsByPartnerIdAndPersonHash(client.partnerId(), personHash)) {
				outcome = Outcome.PERSON_NOT_IN_POPULATION;
				message = "this person is not in the partner's population";
			}
			else {
				try {
					data = providers.of(service).call(operation, subject.trim());
					outcome = Outcome.OK;
					message = "ok";
				}
				catch (ProviderAdapter.ProviderFailure failure) {
					outcome = failure.outcome();
					message = failure.getMessage();
				}
			}
		}
		String requestHash = LoggedTransaction.sha256(service + "|" + operation + "|"
				+ (personHash != null ? personHash : subject == null ? "" : subject) + "|" + usedPurpose);
		String responseHash = LoggedTransaction.sha256(data == null ? outcome.name() : json.writeValueAsString(data));
		long latency = (System.nanoTime() - start) / 1_000_000;
		log.append(new TransactionLog.Entry(messageId, Instant.now(), client.clientId(), client.partnerId(), service,
				operation, usedPurpose.isEmpty() ? "-" : limit(usedPurpose), personHash, outcome.name(), latency,
				requestHash, responseHash));
		return new Answer(messageId, outcome, data, message);
	}

	/** The operations of a service the client may call now. */
	public List<AccessRight> grantedRights(String clientId) {
		return rights.findByClientIdAndStatus(clientId, RightStatus.GRANTED);
	}

	/** Forgets cached rights: a grant or a revocation takes effect at once. */
	void rightsChanged() {
		rightsCache.clear();
	}

	private List<AccessRight> granted(String clientId, String service, String operation) {
		String key = clientId + "|" + service + "|" + operation;
		CachedRights cached = rightsCache.get(key);
		if (cached == null || cached.until().isBefore(Instant.now())) {
			cached = new CachedRights(
					rights.findByClientIdAndServiceAndOperationAndStatus(clientId, service, operation, RightStatus.GRANTED),
					Instant.now().plus(RIGHTS_CACHE));
			rightsCache.put(key, cached);
		}
		return cached.granted();
	}

	private RateLimiter limiter(ExchangeClient client) {
		return limiters.computeIfAbsent(client.clientId() + "|" + client.ratePerSecond(),
				k -> RateLimiter.of(k, RateLimiterConfig.custom()
					.limitForPeriod(Math.max(1, client.ratePerSecond()))
					.limitRefreshPeriod(Duration.ofSeconds(1))
					.timeoutDuration(Duration.ZERO)
					.build()));
	}

	private static String limit(String text) {
		return text.length() > 200 ? text.substring(0, 200) : text;
	}
}
