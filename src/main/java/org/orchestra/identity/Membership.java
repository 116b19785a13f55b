package org.orchestra.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.orchestra.tenancy.OrganisationId;

/**
 * A staff member's role in one organisation.
 */
@Entity
@Table(name = "identity_membership")
public class Membership {

	@Id
	private UUID id;

	@Column(name = "account_id", nullable = false)
	private UUID accountId;

	@Column(name = "organisation_id", nullable = false)
	private String organisationId;

	@Column(nullable = false)
	private String role;

	@Column(name = "granted_at", nullable = false)
	private Instant grantedAt;

	@Column(name = "granted_by", nullable = false)
	private String grantedBy;

	protected Membership() {
	}

	Membership(UUID accountId, OrganisationId organisation, String role, String grantedBy) {
		this.id = UUID.randomUUID();
		this.accountId = accountId;
		this.organisationId = organisation.value();
		this.role = role;
		this.grantedAt = Instant.now();
		this.grantedBy = grantedBy;
	}

	public UUID id() {
		return id;
	}

	public UUID accountId() {
		return accountId;
	}

	public OrganisationId organisation() {
		return new OrganisationId(organisationId);
	}

	public String role() {
		return role;
	}

	public Instant grantedAt() {
		return grantedAt;
	}

	public String grantedBy() {
		return grantedBy;
	}
}
