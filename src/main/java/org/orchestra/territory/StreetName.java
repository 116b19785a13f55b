package org.orchestra.territory;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** A street name in a commune, in French and Dutch. */
@Entity
@Table(name = "territory_street")
class StreetName {

	@Id
	private UUID id;

	@Column(name = "nis_code", nullable = false)
	private String nisCode;

	@Column(name = "name_fr")
	private @Nullable String nameFr;

	@Column(name = "name_nl")
	private @Nullable String nameNl;

	@Column(nullable = false)
	private String postcodes;

	protected StreetName() {
	}

	StreetName(String nisCode, @Nullable String nameFr, @Nullable String nameNl, String postcodes) {
		this.id = UUID.randomUUID();
		this.nisCode = nisCode;
		this.nameFr = nameFr;
		this.nameNl = nameNl;
		this.postcodes = postcodes;
	}

	String nisCode() {
		return nisCode;
	}

	@Nullable String nameFr() {
		return nameFr;
	}

	@Nullable String nameNl() {
		return nameNl;
	}

	String postcodes() {
		return postcodes;
	}
}
