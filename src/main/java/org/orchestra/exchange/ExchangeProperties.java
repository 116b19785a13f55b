package org.orchestra.exchange;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Data-exchange settings.
 *
 * @param checkpointEvery entries between two signed checkpoints of the log
 * @param tokenLifetime lifetime of access tokens
 * @param issuer the token issuer and the audience expected in client assertions
 * @param providers real sources by service code (HTTP adapter); services without one use their demo adapter
 */
@ConfigurationProperties("orchestra.exchange")
record ExchangeProperties(@DefaultValue("1000") long checkpointEvery, @DefaultValue("10m") Duration tokenLifetime,
		@DefaultValue("http://localhost:8080/exchange/oauth/token") String issuer,
		@DefaultValue Map<String, Provider> providers) {

	/**
	 * A real source reached over HTTP.
	 *
	 * @param baseUrl where operations are called: {@code {baseUrl}/{operation}?{parameters}}
	 * @param token bearer token sent to the source, if any
	 * @param timeout time allowed for one call
	 * @param retries additional attempts after a failure (not after a timeout of a non-idempotent call)
	 * @param failureRate percentage of failed calls that opens the circuit
	 * @param openFor how long the circuit stays open
	 */
	record Provider(String baseUrl, @DefaultValue("") String token, @DefaultValue("3s") Duration timeout,
			@DefaultValue("1") int retries, @DefaultValue("50") float failureRate,
			@DefaultValue("30s") Duration openFor) {
	}
}
