package org.orchestra.territory;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** A house number's location. */
@Entity
@Table(name = "territory_address")
class AddressPoint {

	@Id
	private UUID id;

	@Column(name = "nis_code", nullable = false)
	private String nisCode;

	@Column(nullable = false)
	private String postcode;

	@Column(name = "street_fr")
	private @Nullable String streetFr;

	@Column(name = "street_nl")
	private @Nullable String streetNl;

	@Column(name = "house_number", nullable = false)
	private String houseNumber;

	@Column(nullable = false)
	private double lon;

	@Column(nullable = false)
	private double lat;

	protected AddressPoint() {
	}

	AddressPoint(String nisCode, String postcode, @Nullable String streetFr, @Nullable String streetNl,
			String houseNumber, double lon, double lat) {
		this.id = UUID.randomUUID();
		this.nisCode = nisCode;
		this.postcode = postcode;
		this.streetFr = streetFr;
		this.streetNl = streetNl;
		this.houseNumber = houseNumber;
		this.lon = lon;
		this.lat = lat;
	}

	String nisCode() {
		return nisCode;
	}

	String postcode() {
		return postcode;
	}

	@Nullable String streetFr() {
		return streetFr;
	}

	@Nullable String streetNl() {
		return streetNl;
	}

	String houseNumber() {
		return houseNumber;
	}

	double lon() {
		return lon;
	}

	double lat() {
		return lat;
	}
}
