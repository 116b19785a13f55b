package org.orchestra.opendata;

/** A request the open-data portal refuses, with the message key explaining why and the HTTP status that fits. */
public class OpendataException extends RuntimeException {

	private final String messageKey;
	private final int status;

	public OpendataException(String messageKey, int status) {
		super(messageKey);
		this.messageKey = messageKey;
		this.status = status;
	}

	public OpendataException(String messageKey) {
		this(messageKey, 400);
	}

	public String messageKey() {
		return messageKey;
	}

	public int status() {
		return status;
	}
}
