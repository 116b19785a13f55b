package org.orchestra.identity;

import java.util.List;
import java.util.Map;

import org.orchestra.shared.PublicPaths;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Web security of the whole platform: public paths declared by each module, everything else signed in and
 * checked by privilege on each endpoint; form login for local accounts, OIDC when a provider is configured;
 * CSRF protection, secure headers and a new session id at sign-in.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
			+ "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

	@Bean
	SecurityFilterChain webSecurity(HttpSecurity http, List<PublicPaths> publicPaths,
			ObjectProvider<ClientRegistrationRepository> oidcClients, OidcAccountService oidcAccounts)
			throws Exception {
		String[] open = publicPaths.stream().flatMap(p -> p.patterns().stream()).distinct().toArray(String[]::new);
		String[] csrfExempt = publicPaths.stream()
			.flatMap(p -> p.csrfExemptPatterns().stream())
			.distinct()
			.toArray(String[]::new);

		ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
		failures.setDefaultFailureUrl("/login?error");

		http.authorizeHttpRequests(requests -> requests.requestMatchers(open)
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").failureHandler(failures).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signed-out").permitAll())
			.httpBasic(Customizer.withDefaults())
			.csrf(csrf -> csrf.ignoringRequestMatchers(csrfExempt))
			.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.deny()))
			.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
					new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
					PathPatternRequestMatcher.withDefaults().matcher("/api/**")));

		if (oidcClients.getIfAvailable() != null) {
			http.oauth2Login(oidc -> oidc.loginPage("/login")
				.failureUrl("/login?oidc-error")
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcAccounts)));
		}
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder(IdentityHashingProperties hashing) {
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(hashing.bcryptStrength());
		return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
	}

	@Bean
	FilterRegistrationBean<TenantContextFilter> tenantContextFilter(CurrentUser currentUser) {
		FilterRegistrationBean<TenantContextFilter> registration = new FilterRegistrationBean<>(
				new TenantContextFilter(currentUser));
		// right after Spring Security's filter chain (-100), so the tenant is known before any handler runs
		registration.setOrder(-99);
		return registration;
	}
}
