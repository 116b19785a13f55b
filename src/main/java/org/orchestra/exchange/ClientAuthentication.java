package org.orchestra.exchange;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * OAuth2 client credentials with a signed JWT (RFC 7523, {@code private_key_jwt}): a client proves its identity
 * with an assertion signed by its private key and receives a short-lived access token for the gateway. Assertions
 * are accepted once (their {@code jti}) and only for this issuer.
 */
@Component
class ClientAuthentication {

	static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
	private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(5);

	private final Clients clients;
	private final ExchangeKeys keys;
	private final ExchangeProperties properties;
	private final Map<String, Instant> usedAssertions = new ConcurrentHashMap<>();

	ClientAuthentication(Clients clients, ExchangeKeys keys, ExchangeProperties properties) {
		this.clients = clients;
		this.keys = keys;
		this.properties = properties;
	}

	/** An access token, or the OAuth2 error code explaining the refusal. */
	record TokenResult(@Nullable String accessToken, long expiresIn, @Nullable String error,
			@Nullable String description) {
	}

	TokenResult token(@Nullable String grantType, @Nullable String assertionType, @Nullable String assertion) {
		if (!"client_credentials".equals(grantType)) {
			return new TokenResult(null, 0, "unsupported_grant_type", "grant_type must be client_credentials");
		}
		if (!ASSERTION_TYPE.equals(assertionType) || assertion == null || assertion.isBlank()) {
			return new TokenResult(null, 0, "invalid_client", "a client_assertion (signed JWT) is required");
		}
		try {
			SignedJWT jwt = SignedJWT.parse(assertion);
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			String clientId = claims.getIssuer();
			if (clientId == null || !clientId.equals(claims.getSubject())) {
				return invalid("iss and sub must both be the client_id");
			}
			Optional<ExchangeClient> client = clients.findByClientId(clientId).filter(ExchangeClient::active);
			if (client.isEmpty()) {
				return invalid("unknown or disabled client");
			}
			if (!jwt.verify(verifier(client.get().publicKey()))) {
				return invalid("the assertion's signature does not verify");
			}
			if (claims.getAudience() == null || !claims.getAudience().contains(properties.issuer())) {
				return invalid("the assertion's audience must be " + properties.issuer());
			}
			Instant now = Instant.now();
			Date exp = claims.getExpirationTime();
			if (exp == null || exp.toInstant().isBefore(now) || exp.toInstant().isAfter(now.plus(MAX_ASSERTION_LIFETIME))) {
				return invalid("the assertion is expired or lives longer than 5 minutes");
			}
			String jti = claims.getJWTID();
			if (jti == null) {
				return invalid("the assertion needs a jti");
			}
			usedAssertions.values().removeIf(expiry -> expiry.isBefore(now));
			if (usedAssertions.putIfAbsent(clientId + "|" + jti, exp.toInstant()) != null) {
				return invalid("this assertion was already used");
			}
			return new TokenResult(accessToken(client.get(), now), properties.tokenLifetime().toSeconds(), null, null);
		}
		catch (java.text.ParseException | JOSEException | IllegalArgumentException ex) {
			return invalid("the assertion is not a valid signed JWT");
		}
	}

	private String accessToken(ExchangeClient client, Instant now) throws JOSEException {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(properties.issuer())
			.subject(client.clientId())
			.claim("partner", client.partnerId())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(properties.tokenLifetime())))
			.jwtID(UUID.randomUUID().toString())
			.build();
		SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		token.sign(new MACSigner(keys.tokenKey()));
		return token.serialize();
	}

	/** The client behind a bearer access token, if the token is valid and the client still active. */
	Optional<ExchangeClient> authenticate(@Nullable String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return Optional.empty();
		}
		try {
			SignedJWT token = SignedJWT.parse(authorization.substring(7).trim());
			if (!JWSAlgorithm.HS256.equals(token.getHeader().getAlgorithm()) || !token.verify(new MACVerifier(keys.tokenKey()))) {
				return Optional.empty();
			}
			JWTClaimsSet claims = token.getJWTClaimsSet();
			if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().isBefore(Instant.now())
					|| !properties.issuer().equals(claims.getIssuer())) {
				return Optional.empty();
			}
			return clients.findByClientId(claims.getSubject()).filter(ExchangeClient::active);
		}
		catch (java.text.ParseException | JOSEException ex) {
			return Optional.empty();
		}
	}

	private static TokenResult invalid(String description) {
		return new TokenResult(null, 0, "invalid_client", description);
	}

	static JWSVerifier verifier(String pem) throws JOSEException {
		PublicKey key = publicKey(pem);
		if (key instanceof RSAPublicKey rsa) {
			return new RSASSAVerifier(rsa);
		}
		if (key instanceof ECPublicKey ec) {
			return new ECDSAVerifier(ec);
		}
		throw new JOSEException("unsupported key");
	}

	/** Reads a PEM "PUBLIC KEY" (X.509 SubjectPublicKeyInfo), RSA or EC. */
	static PublicKey publicKey(String pem) {
		String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
			.replaceAll("\\s", "");
		byte[] der = Base64.getDecoder().decode(body);
		for (String algorithm : new String[] { "RSA", "EC" }) {
			try {
				return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
			}
			catch (Exception ex) {
				// try the next algorithm
			}
		}
		throw new IllegalArgumentException("Not an RSA or EC public key");
	}
}
