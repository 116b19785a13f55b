package org.orchestra.territory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The regional boundary as imported. */
@Entity
@Table(name = "territory_region")
class RegionOutline {

	static final int ID = 1;

	@Id
	private int id = ID;

	@Column(nullable = false)
	private byte[] geometry;

	@Column(nullable = false)
	private String source;

	@Column(name = "imported_at", nullable = false)
	private Instant importedAt;

	protected RegionOutline() {
	}

	RegionOutline(byte[] geometry, String source) {
		this.geometry = geometry;
		this.source = source;
		this.importedAt = Instant.now();
	}

	byte[] geometry() {
		return geometry;
	}
}
