package org.orchestra.document;

/** A document the platform refuses, with the message key that explains why. */
public class DocumentException extends RuntimeException {

	private final String messageKey;
	private final int status;

	DocumentException(String messageKey, int status) {
		super(messageKey);
		this.messageKey = messageKey;
		this.status = status;
	}

	public String messageKey() {
		return messageKey;
	}

	/** The HTTP status that fits: 413 too large, 415 type refused, 400 otherwise. */
	public int status() {
		return status;
	}
}
