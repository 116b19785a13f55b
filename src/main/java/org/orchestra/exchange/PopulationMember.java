package org.orchestra.exchange;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person in a partner's population (for a commune, a resident; for a CPAS, a beneficiary), kept as a keyed hash
 * of the national number.
 */
@Entity
@Table(name = "exchange_population")
public class PopulationMember {

	@Id
	private UUID id;

	@Column(name = "partner_id", nullable = false)
	private String partnerId;

	@Column(name = "person_hash", nullable = false)
	private String personHash;

	@Column(name = "added_at", nullable = false)
	private Instant addedAt;

	protected PopulationMember() {
	}

	PopulationMember(String partnerId, String personHash) {
		this.id = UUID.randomUUID();
		this.partnerId = partnerId;
		this.personHash = personHash;
		this.addedAt = Instant.now();
	}

	public String partnerId() {
		return partnerId;
	}

	public String personHash() {
		return personHash;
	}
}
