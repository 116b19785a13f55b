package org.orchestra.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapters behind each service: the HTTP adapter for a configured real source (timeout, retries and a circuit
 * breaker from Resilience4j), otherwise the demo adapter over synthetic data.
 */
@Component
class Providers {

	private final Map<String, ProviderAdapter> adapters = new ConcurrentHashMap<>();
	private final ExchangeProperties properties;
	private final DemoSources demo;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
	private final JsonMapper json = JsonMapper.builder().build();

	Providers(ExchangeProperties properties, DemoSources demo) {
		this.properties = properties;
		this.demo = demo;
	}

	ProviderAdapter of(String service) {
		return adapters.computeIfAbsent(service, code -> {
			ExchangeProperties.Provider provider = properties.providers().get(code);
			return provider == null ? new Demo(code) : new Http(code, provider);
		});
	}

	final class Demo implements ProviderAdapter {

		private final String service;

		Demo(String service) {
			this.service = service;
		}

		@Override
		public Map<String, Object> call(String operation, String subject) {
			return demo.answer(service, operation, subject)
				.orElseThrow(() -> new ProviderFailure(Outcome.NOT_FOUND_AT_SOURCE, "not found at the source"));
		}

		@Override
		public String health() {
			return "UP";
		}
	}

	final class Http implements ProviderAdapter {

		private final ExchangeProperties.Provider provider;
		private final CircuitBreaker breaker;
		private final Retry retry;

		Http(String service, ExchangeProperties.Provider provider) {
			this.provider = provider;
			this.breaker = CircuitBreaker.of(service, CircuitBreakerConfig.custom()
				.failureRateThreshold(provider.failureRate())
				.slidingWindowSize(10)
				.minimumNumberOfCalls(4)
				.waitDurationInOpenState(provider.openFor())
				.ignoreExceptions(NotFound.class)
				.build());
			this.retry = Retry.of(service, RetryConfig.custom()
				.maxAttempts(provider.retries() + 1)
				.waitDuration(Duration.ofMillis(100))
				.retryOnException(ex -> ex instanceof ProviderFailure failure && failure.outcome() == Outcome.PROVIDER_ERROR)
				.build());
		}

		@Override
		public Map<String, Object> call(String operation, String subject) {
			try {
				return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, () -> once(operation, subject)))
					.get();
			}
			catch (CallNotPermittedException ex) {
				throw new ProviderFailure(Outcome.CIRCUIT_OPEN, "the source is unavailable (circuit open)");
			}
		}

		private Map<String, Object> once(String operation, String subject) {
			URI uri = URI.create(provider.baseUrl().replaceAll("/+$", "") + "/" + operation + "?subject="
					+ URLEncoder.encode(subject, StandardCharsets.UTF_8));
			HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(provider.timeout()).GET();
			if (!provider.token().isBlank()) {
				request.header("Authorization", "Bearer " + provider.token());
			}
			try {
				HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 404) {
					throw new NotFound();
				}
				if (response.statusCode() / 100 != 2) {
					throw new ProviderFailure(Outcome.PROVIDER_ERROR, "the source answered HTTP " + response.statusCode());
				}
				return json.readValue(response.body(), new TypeReference<Map<String, Object>>() {
				});
			}
			catch (HttpTimeoutException ex) {
				throw new ProviderFailure(Outcome.PROVIDER_TIMEOUT, "the source did not answer within " + provider.timeout());
			}
			catch (IOException ex) {
				throw new ProviderFailure(Outcome.PROVIDER_ERROR, "the source could not be reached");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ProviderFailure(Outcome.PROVIDER_ERROR, "interrupted");
			}
			catch (tools.jackson.core.JacksonException ex) {
				throw new ProviderFailure(Outcome.PROVIDER_ERROR, "the source's answer is not JSON");
			}
		}

		@Override
		public String health() {
			return switch (breaker.getState()) {
				case OPEN, FORCED_OPEN -> "DOWN";
				case HALF_OPEN -> "DEGRADED";
				default -> "UP";
			};
		}
	}

	/** The source knows no such subject: not a failure of the source. */
	static final class NotFound extends ProviderAdapter.ProviderFailure {

		NotFound() {
			super(Outcome.NOT_FOUND_AT_SOURCE, "not found at the source");
		}
	}
}
