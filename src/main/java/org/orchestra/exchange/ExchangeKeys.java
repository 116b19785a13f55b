package org.orchestra.exchange;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gateway's key material, created at first start and kept in the database (an HSM or a mounted key in
 * production): the EC P-256 key that signs log checkpoints, the key that signs access tokens, and the key of
 * the national-number hashes.
 */
@Component
class ExchangeKeys {

	private final PrivateKey signingKey;
	private final PublicKey verificationKey;
	private final byte[] tokenKey;
	private final byte[] personKey;

	ExchangeKeys(JdbcTemplate jdbc, TransactionTemplate transactions) throws Exception {
		List<String[]> rows = transactions.execute(status -> {
			List<String[]> existing = jdbc.query(
					"select private_key, public_key, token_key, person_key from exchange_key where id = 1",
					(rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) });
			if (!existing.isEmpty()) {
				return existing;
			}
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
				generator.initialize(new ECGenParameterSpec("secp256r1"));
				KeyPair pair = generator.generateKeyPair();
				SecureRandom random = new SecureRandom();
				byte[] token = new byte[32];
				byte[] person = new byte[32];
				random.nextBytes(token);
				random.nextBytes(person);
				String[] created = { b64(pair.getPrivate().getEncoded()), b64(pair.getPublic().getEncoded()), b64(token),
						b64(person) };
				jdbc.update("insert into exchange_key (id, private_key, public_key, token_key, person_key) values (1, ?, ?, ?, ?)",
						(Object[]) created);
				return List.<String[]>of(created);
			}
			catch (java.security.GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
		String[] row = rows.get(0);
		KeyFactory ec = KeyFactory.getInstance("EC");
		this.signingKey = ec.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(row[0])));
		this.verificationKey = ec.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(row[1])));
		this.tokenKey = Base64.getDecoder().decode(row[2]);
		this.personKey = Base64.getDecoder().decode(row[3]);
	}

	String sign(String statement) {
		try {
			Signature signature = Signature.getInstance("SHA256withECDSA");
			signature.initSign(signingKey);
			signature.update(statement.getBytes(StandardCharsets.UTF_8));
			return b64(signature.sign());
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The public key that verifies checkpoints, X.509 DER in base64. */
	String publicKey() {
		return b64(verificationKey.getEncoded());
	}

	byte[] tokenKey() {
		return tokenKey.clone();
	}

	/** A keyed hash (HMAC-SHA256) of a national number: the log and populations never hold the number itself. */
	String personHash(String nationalNumber) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(personKey, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(nationalNumber.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String b64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}
}
