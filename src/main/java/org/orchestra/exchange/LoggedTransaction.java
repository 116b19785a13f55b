package org.orchestra.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * One line of the gateway's transaction log. It never holds a national number in clear: only a keyed hash. Each
 * line's hash covers its content and the previous line's hash.
 */
@Entity
@Table(name = "exchange_transaction")
public class LoggedTransaction {

	@Id
	private long seq;

	@Column(name = "message_id", nullable = false, unique = true)
	private String messageId;

	@Column(nullable = false)
	private Instant at;

	@Column(name = "client_id", nullable = false)
	private String clientId;

	@Column(name = "partner_id", nullable = false)
	private String partnerId;

	@Column(nullable = false)
	private String service;

	@Column(nullable = false)
	private String operation;

	@Column(nullable = false)
	private String purpose;

	@Column(name = "person_hash")
	private @Nullable String personHash;

	@Column(nullable = false)
	private String outcome;

	@Column(name = "latency_ms", nullable = false)
	private long latencyMs;

	@Column(name = "request_hash", nullable = false)
	private String requestHash;

	@Column(name = "response_hash", nullable = false)
	private String responseHash;

	@Column(name = "previous_hash", nullable = false)
	private String previousHash;

	@Column(nullable = false)
	private String hash;

	protected LoggedTransaction() {
	}

	public long seq() {
		return seq;
	}

	public String messageId() {
		return messageId;
	}

	public Instant at() {
		return at;
	}

	public String clientId() {
		return clientId;
	}

	public String partnerId() {
		return partnerId;
	}

	public String service() {
		return service;
	}

	public String operation() {
		return operation;
	}

	public String purpose() {
		return purpose;
	}

	public @Nullable String personHash() {
		return personHash;
	}

	public String outcome() {
		return outcome;
	}

	public long latencyMs() {
		return latencyMs;
	}

	public String requestHash() {
		return requestHash;
	}

	public String responseHash() {
		return responseHash;
	}

	public String previousHash() {
		return previousHash;
	}

	public String hash() {
		return hash;
	}

	/** The canonical form that is hashed: every field, in order, then the previous hash. */
	public static String canonical(long seq, String messageId, Instant at, String clientId, String partnerId,
			String service, String operation, String purpose, @Nullable String personHash, String outcome,
			long latencyMs, String requestHash, String responseHash, String previousHash) {
		return String.join("\u001f", Long.toString(seq), messageId, at.toString(), clientId, partnerId, service,
				operation, purpose, personHash == null ? "" : personHash, outcome, Long.toString(latencyMs),
				requestHash, responseHash, previousHash);
	}

	public static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String recompute() {
		return sha256(canonical(seq, messageId, at, clientId, partnerId, service, operation, purpose, personHash,
				outcome, latencyMs, requestHash, responseHash, previousHash));
	}
}
