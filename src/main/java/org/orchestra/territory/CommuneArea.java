package org.orchestra.territory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A commune's boundary as imported. */
@Entity
@Table(name = "territory_commune")
class CommuneArea {

	@Id
	@Column(name = "nis_code")
	private String nisCode;

	@Column(name = "name_fr", nullable = false)
	private String nameFr;

	@Column(name = "name_nl", nullable = false)
	private String nameNl;

	@Column(nullable = false)
	private String postcodes;

	@Column(nullable = false)
	private byte[] geometry;

	@Column(nullable = false)
	private String source;

	@Column(name = "imported_at", nullable = false)
	private Instant importedAt;

	protected CommuneArea() {
	}

	CommuneArea(String nisCode, String nameFr, String nameNl, String postcodes, byte[] geometry, String source) {
		this.nisCode = nisCode;
		this.nameFr = nameFr;
		this.nameNl = nameNl;
		this.postcodes = postcodes;
		this.geometry = geometry;
		this.source = source;
		this.importedAt = Instant.now();
	}

	String nisCode() {
		return nisCode;
	}

	String nameFr() {
		return nameFr;
	}

	String nameNl() {
		return nameNl;
	}

	String postcodes() {
		return postcodes;
	}

	byte[] geometry() {
		return geometry;
	}

	Instant importedAt() {
		return importedAt;
	}
}
