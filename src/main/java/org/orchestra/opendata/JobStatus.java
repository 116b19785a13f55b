package org.orchestra.opendata;

/** Where a harvest run stands. */
public enum JobStatus {
	RUNNING, SUCCEEDED, FAILED
}
