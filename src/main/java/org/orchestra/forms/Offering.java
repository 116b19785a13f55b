package org.orchestra.forms;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An organisation offers a form to its citizens: submissions can be sent to it. */
@Entity
@Table(name = "forms_offering")
@IdClass(Offering.Key.class)
public class Offering {

	@Id
	@Column(name = "organisation_id")
	private String organisationId;

	@Id
	@Column(name = "form_id")
	private UUID formId;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false)
	private String createdBy;

	protected Offering() {
	}

	Offering(String organisationId, UUID formId, String createdBy) {
		this.organisationId = organisationId;
		this.formId = formId;
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
	}

	public String organisationId() {
		return organisationId;
	}

	public UUID formId() {
		return formId;
	}

	/** Composite identifier: organisation and form. */
	static class Key implements Serializable {

		private static final long serialVersionUID = 1L;

		private String organisationId = "";

		private UUID formId = new UUID(0, 0);

		Key() {
		}

		Key(String organisationId, UUID formId) {
			this.organisationId = organisationId;
			this.formId = formId;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key that && that.organisationId.equals(organisationId)
					&& that.formId.equals(formId);
		}

		@Override
		public int hashCode() {
			return java.util.Objects.hash(organisationId, formId);
		}
	}
}
