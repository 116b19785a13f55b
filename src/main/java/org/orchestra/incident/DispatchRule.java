package org.orchestra.incident;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A line of an organisation's dispatch matrix: reports of this category go to this department. */
@Entity
@Table(name = "incident_dispatch")
public class DispatchRule {

	@Id
	private UUID id;

	@Column(name = "organisation_id", nullable = false)
	private String organisationId;

	@Column(name = "category_code", nullable = false)
	private String categoryCode;

	@Column(nullable = false)
	private String department;

	protected DispatchRule() {
	}

	DispatchRule(String organisationId, String categoryCode, String department) {
		this.id = UUID.randomUUID();
		this.organisationId = organisationId;
		this.categoryCode = categoryCode;
		this.department = department;
	}

	public UUID id() {
		return id;
	}

	public String organisationId() {
		return organisationId;
	}

	public String categoryCode() {
		return categoryCode;
	}

	public String department() {
		return department;
	}
}
