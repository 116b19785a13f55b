package org.orchestra.exchange;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** A client's right to call one operation of one service, for a purpose, on a legal basis. */
@Entity
@Table(name = "exchange_right")
public class AccessRight {

	@Id
	private UUID id;

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

	@Column(name = "legal_basis", nullable = false)
	private String legalBasis;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RightStatus status = RightStatus.REQUESTED;

	@Column(name = "requested_by", nullable = false)
	private String requestedBy;

	@Column(name = "requested_at", nullable = false)
	private Instant requestedAt;

	@Column(name = "decided_by")
	private @Nullable String decidedBy;

	@Column(name = "decided_at")
	private @Nullable Instant decidedAt;

	@Column(name = "decision_note")
	private @Nullable String decisionNote;

	protected AccessRight() {
	}

	AccessRight(String clientId, String partnerId, String service, String operation, String purpose,
			String legalBasis, String requestedBy) {
		this.id = UUID.randomUUID();
		this.clientId = clientId;
		this.partnerId = partnerId;
		this.service = service;
		this.operation = operation;
		this.purpose = purpose;
		this.legalBasis = legalBasis;
		this.requestedBy = requestedBy;
		this.requestedAt = Instant.now();
	}

	void decide(RightStatus decision, String by, @Nullable String note) {
		this.status = decision;
		this.decidedBy = by;
		this.decidedAt = Instant.now();
		this.decisionNote = note;
	}

	public UUID id() {
		return id;
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

	public String legalBasis() {
		return legalBasis;
	}

	public RightStatus status() {
		return status;
	}

	public String requestedBy() {
		return requestedBy;
	}

	public Instant requestedAt() {
		return requestedAt;
	}

	public @Nullable String decidedBy() {
		return decidedBy;
	}

	public @Nullable Instant decidedAt() {
		return decidedAt;
	}

	public @Nullable String decisionNote() {
		return decisionNote;
	}
}
