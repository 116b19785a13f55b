package org.orchestra.territory;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** A road segment or surface and who manages it. */
@Entity
@Table(name = "territory_road")
class RoadSegment {

	@Id
	private UUID id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Manager manager;

	@Column(name = "name_fr")
	private @Nullable String nameFr;

	@Column(name = "name_nl")
	private @Nullable String nameNl;

	@Column(nullable = false)
	private byte[] geometry;

	protected RoadSegment() {
	}

	RoadSegment(Manager manager, @Nullable String nameFr, @Nullable String nameNl, byte[] geometry) {
		this.id = UUID.randomUUID();
		this.manager = manager;
		this.nameFr = nameFr;
		this.nameNl = nameNl;
		this.geometry = geometry;
	}

	Manager manager() {
		return manager;
	}

	@Nullable String nameFr() {
		return nameFr;
	}

	@Nullable String nameNl() {
		return nameNl;
	}

	byte[] geometry() {
		return geometry;
	}
}
