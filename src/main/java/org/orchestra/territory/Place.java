package org.orchestra.territory;

import org.jspecify.annotations.Nullable;

/**
 * Where a point is and who is responsible for it.
 *
 * @param inRegion whether the point lies in the region
 * @param manager {@code REGION} within the configured distance of a regional road, otherwise {@code COMMUNE}
 * @param reason why: {@code regional-road}, {@code communal}, {@code no-road-data} or {@code outside}
 * @param approximate whether the boundaries are approximate (derived from town halls, not imported)
 */
public record Place(double lon, double lat, boolean inRegion, @Nullable String nisCode, @Nullable String communeFr,
		@Nullable String communeNl, @Nullable Manager manager, String reason, @Nullable String roadFr,
		@Nullable String roadNl, boolean approximate) {

	static Place outside(double lon, double lat, boolean approximate) {
		return new Place(lon, lat, false, null, null, null, null, "outside", null, null, approximate);
	}
}
