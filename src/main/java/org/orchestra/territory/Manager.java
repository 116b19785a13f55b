package org.orchestra.territory;

import java.util.Locale;
import java.util.Optional;

/** Who manages a road or a place: the Region (regional roads) or the commune. */
public enum Manager {
	REGION, COMMUNE;

	/** Reads the manager codes of UrbIS and FixMyStreet ({@code REG}, {@code COM}) and their long forms. */
	static Optional<Manager> parse(String value) {
		return switch (value == null ? "" : value.trim().toUpperCase(Locale.ROOT)) {
			case "REG", "REGION", "REGIONAL", "GEWEST" -> Optional.of(REGION);
			case "COM", "COMMUNE", "COMMUNAL", "GEMEENTE", "MUN", "MUNICIPAL" -> Optional.of(COMMUNE);
			default -> Optional.empty();
		};
	}
}
