package org.orchestra.exchange;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A partner's client application: it authenticates with a JWT signed by its private key (OAuth2 client
 * credentials, RFC 7523); the platform keeps only the public key.
 */
@Entity
@Table(name = "exchange_client")
public class ExchangeClient {

	@Id
	private UUID id;

	@Column(name = "client_id", nullable = false, unique = true)
	private String clientId;

	@Column(name = "partner_id", nullable = false)
	private String partnerId;

	@Column(nullable = false)
	private String name;

	@Column(name = "public_key", nullable = false)
	private String publicKey;

	@Column(nullable = false)
	private boolean active = true;

	@Column(name = "rate_per_second", nullable = false)
	private int ratePerSecond;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected ExchangeClient() {
	}

	ExchangeClient(String clientId, String partnerId, String name, String publicKey, int ratePerSecond) {
		this.id = UUID.randomUUID();
		this.clientId = clientId;
		this.partnerId = partnerId;
		this.name = name;
		this.publicKey = publicKey;
		this.ratePerSecond = ratePerSecond;
		this.createdAt = Instant.now();
	}

	void deactivate() {
		active = false;
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

	public String name() {
		return name;
	}

	public String publicKey() {
		return publicKey;
	}

	public boolean active() {
		return active;
	}

	public int ratePerSecond() {
		return ratePerSecond;
	}

	public Instant createdAt() {
		return createdAt;
	}
}
