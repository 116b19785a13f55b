package org.orchestra.appointment;

/** Where an appointment stands. */
public enum AppointmentStatus {
	/** Booked, expected at the counter. */
	BOOKED,
	/** The citizen is at the counter. */
	ARRIVED,
	/** Served. */
	DONE,
	/** Did not come. */
	NO_SHOW,
	/** Cancelled by the citizen or the commune. */
	CANCELLED
}
