package org.orchestra.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.AuditFacts;

/**
 * One entry of the audit trail. Its hash covers its sequence number, content and the previous entry's hash, so
 * that changing, removing or reordering entries breaks the chain.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

	@Id
	private long seq;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Column(nullable = false)
	private String actor;

	@Column(name = "organisation_id")
	private @Nullable String organisationId;

	@Column(nullable = false)
	private String action;

	@Column(name = "target_type", nullable = false)
	private String targetType;

	@Column(name = "target_id", nullable = false)
	private String targetId;

	@Column(nullable = false)
	private String outcome;

	@Column(nullable = false)
	private String details;

	@Column(name = "previous_hash", nullable = false)
	private String previousHash;

	@Column(nullable = false)
	private String hash;

	protected AuditEntry() {
	}

	AuditEntry(long seq, Instant occurredAt, AuditFacts facts, String previousHash) {
		this.seq = seq;
		this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
		this.actor = limit(facts.actor(), 200);
		this.organisationId = facts.organisation();
		this.action = limit(facts.action(), 100);
		this.targetType = limit(facts.targetType(), 100);
		this.targetId = limit(facts.targetId(), 200);
		this.outcome = limit(facts.outcome(), 20);
		this.details = limit(facts.details(), 2000);
		this.previousHash = previousHash;
		this.hash = computeHash();
	}

	/** The hash this entry should carry given its content. */
	String computeHash() {
		String canonical = String.join("\u001f", Long.toString(seq), occurredAt.truncatedTo(ChronoUnit.MICROS).toString(),
				actor, organisationId == null ? "" : organisationId, action, targetType, targetId, outcome, details,
				previousHash);
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String limit(@Nullable String value, int length) {
		String text = value == null ? "" : value;
		return text.length() <= length ? text : text.substring(0, length);
	}

	public long seq() {
		return seq;
	}

	public Instant occurredAt() {
		return occurredAt;
	}

	public String actor() {
		return actor;
	}

	public @Nullable String organisationId() {
		return organisationId;
	}

	public String action() {
		return action;
	}

	public String targetType() {
		return targetType;
	}

	public String targetId() {
		return targetId;
	}

	public String outcome() {
		return outcome;
	}

	public String details() {
		return details;
	}

	public String previousHash() {
		return previousHash;
	}

	public String hash() {
		return hash;
	}
}
