package org.orchestra.exchange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evidence of one transaction that verifies offline, without the platform: the transaction, every later entry up
 * to a signed checkpoint (so the chain can be recomputed), the checkpoint and the public key that verifies it.
 * {@code java ... org.orchestra.exchange.Evidence evidence.json} prints the verdict.
 */
public final class Evidence {

	private Evidence() {
	}

	static Map<String, Object> of(List<LoggedTransaction> chain, Checkpoint checkpoint, String publicKey) {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (LoggedTransaction t : chain) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("seq", t.seq());
			e.put("messageId", t.messageId());
			e.put("at", t.at().toString());
			e.put("clientId", t.clientId());
			e.put("partnerId", t.partnerId());
			e.put("service", t.service());
			e.put("operation", t.operation());
			e.put("purpose", t.purpose());
			e.put("personHash", t.personHash());
			e.put("outcome", t.outcome());
			e.put("latencyMs", t.latencyMs());
			e.put("requestHash", t.requestHash());
			e.put("responseHash", t.responseHash());
			e.put("previousHash", t.previousHash());
			e.put("hash", t.hash());
			entries.add(e);
		}
		Map<String, Object> evidence = new LinkedHashMap<>();
		evidence.put("format", "orchestra-exchange-evidence/1");
		evidence.put("transaction", entries.get(0));
		evidence.put("chain", entries);
		evidence.put("checkpoint", Map.of("seq", checkpoint.seq(), "hash", checkpoint.hash(), "signedAt",
				checkpoint.signedAt().toString(), "signature", checkpoint.signature()));
		evidence.put("publicKey", publicKey);
		evidence.put("algorithm", "SHA256withECDSA over \"orchestra-exchange-checkpoint|seq|hash|signedAt\"");
		return evidence;
	}

	/** Verifies evidence offline; returns null when it holds, otherwise why it does not. */
	public static @Nullable String verify(String json) {
		JsonNode root = JsonMapper.builder().build().readTree(json);
		JsonNode chain = root.path("chain");
		if (!chain.isArray() || chain.isEmpty()) {
			return "no chain";
		}
		if (!chain.get(0).equals(root.path("transaction"))) {
			return "the chain does not start with the transaction";
		}
		String previous = null;
		long seq = -1;
		for (JsonNode e : chain) {
			if (previous != null && (!e.path("previousHash").asString().equals(previous) || e.path("seq").asLong() != seq + 1)) {
				return "broken chain at " + e.path("seq").asLong();
			}
			String recomputed = LoggedTransaction.sha256(LoggedTransaction.canonical(e.path("seq").asLong(),
					e.path("messageId").asString(), Instant.parse(e.path("at").asString()), e.path("clientId").asString(),
					e.path("partnerId").asString(), e.path("service").asString(), e.path("operation").asString(),
					e.path("purpose").asString(), e.path("personHash").isNull() ? null : e.path("personHash").asString(),
					e.path("outcome").asString(), e.path("latencyMs").asLong(), e.path("requestHash").asString(),
					e.path("responseHash").asString(), e.path("previousHash").asString()));
			if (!recomputed.equals(e.path("hash").asString())) {
				return "altered entry " + e.path("seq").asLong();
			}
			previous = recomputed;
			seq = e.path("seq").asLong();
		}
		JsonNode checkpoint = root.path("checkpoint");
		if (checkpoint.path("seq").asLong() != seq || !checkpoint.path("hash").asString().equals(previous)) {
			return "the chain does not end at the checkpoint";
		}
		String statement = Checkpoint.statement(seq, previous, Instant.parse(checkpoint.path("signedAt").asString()));
		if (!verifySignature(root.path("publicKey").asString(), statement, checkpoint.path("signature").asString())) {
			return "the checkpoint signature does not verify";
		}
		return null;
	}

	static boolean verifySignature(String publicKey, String statement, String signature) {
		try {
			PublicKey key = KeyFactory.getInstance("EC")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
			Signature verifier = Signature.getInstance("SHA256withECDSA");
			verifier.initVerify(key);
			verifier.update(statement.getBytes(StandardCharsets.UTF_8));
			return verifier.verify(Base64.getDecoder().decode(signature));
		}
		catch (Exception ex) {
			return false;
		}
	}

	public static void main(String[] args) throws Exception {
		String verdict = verify(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
		System.out.println(verdict == null ? "VALID: the transaction is in the signed log" : "INVALID: " + verdict);
		System.exit(verdict == null ? 0 : 1);
	}
}
