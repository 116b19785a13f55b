package org.orchestra.opendata.harvest;

/** A source that cannot be harvested as a whole: the run fails with this reason in its report. */
public class HarvestFailure extends RuntimeException {

	public HarvestFailure(String reason) {
		super(reason);
	}

	public HarvestFailure(String reason, Throwable cause) {
		super(reason, cause);
	}
}
