package org.orchestra.exchange;

import java.util.Map;

/** How the gateway reaches a source. */
interface ProviderAdapter {

	/** Calls an operation; throws {@link ProviderFailure} with the outcome when the source does not answer well. */
	Map<String, Object> call(String operation, String subject);

	/** Health as shown to the integrator: UP, DEGRADED (circuit half-open) or DOWN (circuit open). */
	String health();

	/** A failure of the source, with the outcome to report. */
	class ProviderFailure extends RuntimeException {

		private final Outcome outcome;

		ProviderFailure(Outcome outcome, String message) {
			super(message);
			this.outcome = outcome;
		}

		Outcome outcome() {
			return outcome;
		}
	}
}
