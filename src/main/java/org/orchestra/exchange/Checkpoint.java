package org.orchestra.exchange;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A signed statement of the log's head: "entry {seq} has hash {hash}", signed with the gateway's key. */
@Entity
@Table(name = "exchange_checkpoint")
public class Checkpoint {

	@Id
	private long seq;

	@Column(nullable = false)
	private String hash;

	@Column(name = "signed_at", nullable = false)
	private Instant signedAt;

	@Column(nullable = false)
	private String signature;

	protected Checkpoint() {
	}

	Checkpoint(long seq, String hash, Instant signedAt, String signature) {
		this.seq = seq;
		this.hash = hash;
		this.signedAt = signedAt;
		this.signature = signature;
	}

	public long seq() {
		return seq;
	}

	public String hash() {
		return hash;
	}

	public Instant signedAt() {
		return signedAt;
	}

	public String signature() {
		return signature;
	}

	/** What is signed. */
	public static String statement(long seq, String hash, Instant signedAt) {
		return "orchestra-exchange-checkpoint|" + seq + "|" + hash + "|" + signedAt;
	}
}
