package org.orchestra.counter;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A commune's own terms for a document of the catalogue. Without one, the commune offers the document on the
 * catalogue's default terms.
 */
@Entity(name = "CounterOffering")
@Table(name = "counter_offering")
public class Offering {

	@Id
	private UUID id;

	@Column(name = "organisation_id", nullable = false)
	private String organisationId;

	@Column(name = "document_code", nullable = false)
	private String documentCode;

	@Column(nullable = false)
	private boolean offered;

	@Column(name = "price_cents", nullable = false)
	private int priceCents;

	@Column(name = "delivery_modes", nullable = false)
	private String deliveryModes;

	@Column(name = "processing_days", nullable = false)
	private int processingDays;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Offering() {
	}

	Offering(String organisationId, String documentCode) {
		this.id = UUID.randomUUID();
		this.organisationId = organisationId;
		this.documentCode = documentCode;
	}

	void set(boolean offered, int priceCents, Set<DeliveryMode> modes, int processingDays) {
		this.offered = offered;
		this.priceCents = priceCents;
		this.deliveryModes = DeliveryMode.format(modes);
		this.processingDays = processingDays;
		this.updatedAt = Instant.now();
	}

	String documentCode() {
		return documentCode;
	}

	Terms terms() {
		return new Terms(offered, priceCents, DeliveryMode.parse(deliveryModes), processingDays);
	}

	/** What a commune offers for one document. */
	public record Terms(boolean offered, int priceCents, Set<DeliveryMode> deliveryModes, int processingDays) {

		public static Terms defaults(DocumentType type) {
			return new Terms(true, type.priceCents(), type.deliveryModes(), type.processingDays());
		}

		public String price() {
			return priceCents == 0 ? "0" : String.format(java.util.Locale.ROOT, "%d,%02d", priceCents / 100,
					priceCents % 100);
		}
	}
}
