package org.orchestra.incident;

import java.util.Locale;
import java.util.Set;

import org.orchestra.shared.LocalizedText;

/**
 * A category of incident: the leaf of the tree location type → asset class → category, with the organisation
 * responsible on regional roads (or everywhere, when {@code alwaysRegional}).
 */
public record Category(String code, AssetClass asset, Set<LocationType> locations, boolean alwaysRegional,
		String regionalOrganisation, LocalizedText name) {

	public String name(Locale locale) {
		return name.in(locale);
	}

	public boolean appliesTo(LocationType location) {
		return locations.contains(location);
	}
}
