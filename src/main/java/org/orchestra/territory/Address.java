package org.orchestra.territory;

import org.jspecify.annotations.Nullable;

/**
 * An address found by search.
 *
 * @param approximateLocation {@code true} when no address point is known and the location is the commune's
 */
public record Address(@Nullable String streetFr, @Nullable String streetNl, @Nullable String houseNumber,
		String postcode, String nisCode, String communeFr, String communeNl, double lon, double lat,
		boolean approximateLocation, double score) {
}
