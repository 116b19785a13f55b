package org.orchestra.counter;

import java.util.Set;

/** Where a document request stands, as the resident sees it. */
public enum RequestStatus {
	RECEIVED, IN_PROGRESS, WAITING_FOR_CITIZEN, READY, DELIVERED, REFUSED;

	public boolean open() {
		return this != DELIVERED && this != REFUSED;
	}

	/** The statuses an agent may move a request to from this one. */
	public Set<RequestStatus> next() {
		return switch (this) {
			case RECEIVED -> Set.of(IN_PROGRESS, WAITING_FOR_CITIZEN, READY, REFUSED);
			case IN_PROGRESS -> Set.of(WAITING_FOR_CITIZEN, READY, REFUSED);
			case WAITING_FOR_CITIZEN -> Set.of(IN_PROGRESS, READY, REFUSED);
			case READY -> Set.of(DELIVERED);
			case DELIVERED, REFUSED -> Set.of();
		};
	}
}
