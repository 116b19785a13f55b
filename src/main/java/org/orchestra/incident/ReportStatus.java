package org.orchestra.incident;

/**
 * The internal workflow of a report. Open311 sees only {@code open} or {@code closed}; the detailed state is
 * published as an extended status.
 */
public enum ReportStatus {
	/** Anonymous report waiting for its e-mail confirmation: never shown. */
	UNCONFIRMED(true, false, "FOR_TRIAGE"),
	CREATED(true, true, "OPEN"),
	IN_PROGRESS(true, true, "IN_PROGRESS"),
	CONTRACTOR_ASSIGNED(true, true, "ACTION_SCHEDULED"),
	SOLVED(false, true, "FIXED"),
	CLOSED(false, true, "CLOSED"),
	REFUSED(false, true, "NO_FURTHER_ACTION"),
	MERGED(false, true, "DUPLICATE");

	private final boolean open;
	private final boolean published;
	private final String extended;

	ReportStatus(boolean open, boolean published, String extended) {
		this.open = open;
		this.published = published;
		this.extended = extended;
	}

	public boolean open() {
		return open;
	}

	/** Whether reports in this state may be shown publicly (private reports never are). */
	public boolean published() {
		return published;
	}

	/** Open311 status. */
	public String open311() {
		return open ? "open" : "closed";
	}

	/** Extended status of the mySociety Open311 update extension. */
	public String extended() {
		return extended;
	}
}
