package org.orchestra.exchange;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** A partner's client application as tests (and browser tests) drive it: an RSA key pair and signed assertions. */
public final class ExchangeTestClient {

	public final KeyPair keys;
	public String clientId;

	public ExchangeTestClient() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			this.keys = generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String publicKeyPem() {
		return "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
	}

	public String assertion(String audience) {
		return assertion(audience, clientId, Instant.now().plusSeconds(120), UUID.randomUUID().toString(),
				(RSAPrivateKey) keys.getPrivate());
	}

	public static String assertion(String audience, String clientId, Instant expiry, String jti, RSAPrivateKey key) {
		try {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId)
				.subject(clientId)
				.audience(audience)
				.expirationTime(Date.from(expiry))
				.issueTime(new Date())
				.jwtID(jti)
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
