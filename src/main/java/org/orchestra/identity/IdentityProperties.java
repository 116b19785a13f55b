package org.orchestra.identity;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings.
 *
 * @param maxFailedAttempts failed sign-ins in a row that lock a local account
 * @param lockDuration how long a locked account stays locked
 * @param minPasswordLength minimum length of a local password
 * @param nationalNumberClaims OIDC claims that may carry the national number, tried in order
 * @param demoPassword password of the demo accounts (demo profile only)
 */
@ConfigurationProperties("orchestra.identity")
public record IdentityProperties(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15m") Duration lockDuration,
		@DefaultValue("12") int minPasswordLength,
		@DefaultValue({ "national_number", "nationalNumber", "rrn", "egovNRN", "urn:be:fedict:iam:attr:rrn" }) List<String> nationalNumberClaims,
		@DefaultValue("Demo-Orchestra-2026") String demoPassword) {
}
