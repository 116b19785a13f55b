package org.orchestra.incident;

/** A request the incident module refuses, with the message key explaining why and the HTTP status that fits. */
public class IncidentException extends RuntimeException {

	private final String messageKey;
	private final int status;

	public IncidentException(String messageKey, int status) {
		super(messageKey);
		this.messageKey = messageKey;
		this.status = status;
	}

	public IncidentException(String messageKey) {
		this(messageKey, 400);
	}

	public String messageKey() {
		return messageKey;
	}

	public int status() {
		return status;
	}
}
