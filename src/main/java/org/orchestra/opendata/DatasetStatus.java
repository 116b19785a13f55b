package org.orchestra.opendata;

/** Whether a dataset is in the catalogue: published, or withdrawn (gone from its source, or by its publisher). */
public enum DatasetStatus {
	PUBLISHED, WITHDRAWN
}
