package org.orchestra.exchange;

/** Where a request for an access right stands. */
public enum RightStatus {
	REQUESTED, GRANTED, REFUSED, REVOKED
}
