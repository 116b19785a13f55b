package org.orchestra.territory;

/** What a territory import loads, and in which format. */
public enum ImportKind {
	/** Commune boundaries: GeoJSON, WGS84 or Lambert 72, one feature per commune with {@code nis_code}. */
	COMMUNES,
	/** The regional boundary: GeoJSON, one (multi)polygon. */
	REGION,
	/** Street names per commune: CSV with {@code nis_code}, {@code name_fr}, {@code name_nl}. */
	STREETS,
	/** Road segments or surfaces with their manager: GeoJSON with {@code manager} (REG / COM). */
	ROADS,
	/** House-number address points: CSV with nis_code, postcode, street_fr, street_nl, house_number, lon, lat. */
	ADDRESSES
}
