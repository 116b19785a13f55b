package org.orchestra.exchange;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The gateway's authentication, as its API controllers use it. */
@Service
public class ExchangeTokens {

	private final ClientAuthentication authentication;
	private final ExchangeProperties properties;

	ExchangeTokens(ClientAuthentication authentication, ExchangeProperties properties) {
		this.authentication = authentication;
		this.properties = properties;
	}

	public record Token(@Nullable String accessToken, long expiresIn, @Nullable String error,
			@Nullable String description) {
	}

	public Token token(@Nullable String grantType, @Nullable String assertionType, @Nullable String assertion) {
		ClientAuthentication.TokenResult result = authentication.token(grantType, assertionType, assertion);
		return new Token(result.accessToken(), result.expiresIn(), result.error(), result.description());
	}

	public Optional<ExchangeClient> authenticate(@Nullable String authorization) {
		return authentication.authenticate(authorization);
	}

	/** The platform's base address, derived from the token issuer. */
	public String baseUrl() {
		return properties.issuer().replaceFirst("/exchange/oauth/token$", "");
	}

	/** The audience client assertions must name. */
	public String issuer() {
		return properties.issuer();
	}
}
