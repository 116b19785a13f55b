package org.orchestra.counter;

/** How a document is produced. */
public enum Issuance {
	/** Produced at once from the population register, as a PDF with a verification code. */
	REGISTER,
	/** Prepared by an agent of the commune. */
	AGENT
}
