package org.orchestra.forms;

import java.util.Set;

/** Where a submission stands: a draft being filled, then the desk's workflow once sent. */
public enum SubmissionStatus {
	DRAFT, RECEIVED, IN_PROGRESS, WAITING, DONE, REFUSED;

	public boolean sent() {
		return this != DRAFT;
	}

	public boolean closed() {
		return this == DONE || this == REFUSED;
	}

	/** Statuses an agent may set on a sent submission. */
	public static final Set<SubmissionStatus> DESK = Set.of(IN_PROGRESS, WAITING, DONE, REFUSED);
}
