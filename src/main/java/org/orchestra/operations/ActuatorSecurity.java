package org.orchestra.operations;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The management endpoints: health and info for everyone (probes), everything else (metrics, Prometheus) only
 * with the metrics privilege, signed in with HTTP Basic, without session or CSRF token.
 */
@Configuration
class ActuatorSecurity {

	@Bean
	@Order(1)
	SecurityFilterChain actuatorFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
				.permitAll()
				.requestMatchers(EndpointRequest.to("info"))
				.permitAll()
				.anyRequest()
				.hasAuthority(OperationsContributions.METRICS))
			.httpBasic(Customizer.withDefaults())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(
					org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
		return http.build();
	}
}
