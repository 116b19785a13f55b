package org.orchestra.identity;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Reads the citizen's national number from the claims of an OIDC identity provider. The federal gateway (FAS,
 * for eID and itsme) and Keycloak mappers name the claim differently; the claims tried are configured in
 * {@code orchestra.identity.national-number-claims}.
 */
@Component
public class OidcClaimsMapping {

	private final IdentityProperties properties;

	public OidcClaimsMapping(IdentityProperties properties) {
		this.properties = properties;
	}

	public Optional<NationalNumber> nationalNumber(Map<String, Object> claims) {
		for (String claim : properties.nationalNumberClaims()) {
			Object value = claims.get(claim);
			if (value != null) {
				Optional<NationalNumber> parsed = NationalNumber.parse(value.toString());
				if (parsed.isPresent()) {
					return parsed;
				}
			}
		}
		return Optional.empty();
	}

	public String displayName(Map<String, Object> claims) {
		Object name = claims.get("name");
		if (name != null && !name.toString().isBlank()) {
			return name.toString();
		}
		Object given = claims.getOrDefault("given_name", "");
		Object family = claims.getOrDefault("family_name", "");
		String joined = (given + " " + family).trim();
		return joined.isEmpty() ? String.valueOf(claims.getOrDefault("sub", "?")) : joined;
	}
}
