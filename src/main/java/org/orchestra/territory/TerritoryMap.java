package org.orchestra.territory;

import org.springframework.stereotype.Component;

/** Settings the map fragment reads ({@code @territoryMap} in templates). */
@Component("territoryMap")
public class TerritoryMap {

	private final TerritoryProperties properties;

	TerritoryMap(TerritoryProperties properties) {
		this.properties = properties;
	}

	public String tileUrl() {
		return properties.tileUrl();
	}

	public String tileAttribution() {
		return properties.tileAttribution();
	}
}
