package org.orchestra.incident;

/** Where exactly, in the public space, the incident is: the first level of the category tree. */
public enum LocationType {
	SIDEWALK, ROADWAY, BIKE_LANE, GREEN_SPACE, BRIDGE_TUNNEL
}
