package org.orchestra.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last entry of the chain; its row lock serialises appends. */
@Entity
@Table(name = "audit_chain_head")
class ChainHead {

	static final int ID = 1;

	@Id
	private int id;

	@Column(name = "last_seq", nullable = false)
	private long lastSeq;

	@Column(name = "last_hash", nullable = false)
	private String lastHash;

	protected ChainHead() {
	}

	long lastSeq() {
		return lastSeq;
	}

	String lastHash() {
		return lastHash;
	}

	void advance(AuditEntry entry) {
		this.lastSeq = entry.seq();
		this.lastHash = entry.hash();
	}
}
