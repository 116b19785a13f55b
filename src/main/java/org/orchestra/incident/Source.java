package org.orchestra.incident;

/** Who reported: a citizen on the web, a professional into their organisation's queue, or an Open311 client. */
public enum Source {
	CITIZEN, PROFESSIONAL, OPEN311
}
