package org.orchestra.exchange;

/**
 * How a gateway transaction ended; refusals and failures carry the reason code returned to the client.
 */
public enum Outcome {
	OK(200), NO_RIGHT(403), PURPOSE_MISMATCH(403), PERSON_NOT_IN_POPULATION(403), RATE_LIMITED(429),
	UNKNOWN_SERVICE(404), UNKNOWN_OPERATION(404), INVALID_REQUEST(400), NOT_FOUND_AT_SOURCE(404),
	PROVIDER_TIMEOUT(504), PROVIDER_ERROR(502), CIRCUIT_OPEN(503);

	private final int status;

	Outcome(int status) {
		this.status = status;
	}

	public int status() {
		return status;
	}
}
