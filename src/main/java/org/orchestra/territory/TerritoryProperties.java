package org.orchestra.territory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Territory settings.
 *
 * @param regionalRoadDistance a point within this many metres of a regional road is managed by the Region
 * @param tileUrl the map's tile layer (e.g. UrbIS tiles); empty: boundaries drawn as vectors only
 * @param tileAttribution attribution shown with the tiles
 * @param maxImportSize largest accepted import file, in bytes
 */
@ConfigurationProperties("orchestra.territory")
record TerritoryProperties(@DefaultValue("5") double regionalRoadDistance, @DefaultValue("") String tileUrl,
		@DefaultValue("") String tileAttribution, @DefaultValue("52428800") long maxImportSize) {
}
