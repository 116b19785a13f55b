package org.orchestra.opendata;

/** Where a dataset's metadata is maintained: here by its publisher, or at a harvested source. */
public enum Origin {
	LOCAL, HARVESTED
}
