package org.orchestra.incident;

/** What kind of asset is concerned: the second level of the category tree. */
public enum AssetClass {
	PAVING, LIGHTING, SIGNAGE, FURNITURE, CLEANLINESS, DRAINAGE, PLANTS, STRUCTURE
}
