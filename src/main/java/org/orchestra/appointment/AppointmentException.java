package org.orchestra.appointment;

/** A request the appointment module refuses, with the message key explaining why and the HTTP status that fits. */
public class AppointmentException extends RuntimeException {

	private final String messageKey;
	private final int status;

	public AppointmentException(String messageKey, int status) {
		super(messageKey);
		this.messageKey = messageKey;
		this.status = status;
	}

	public AppointmentException(String messageKey) {
		this(messageKey, 400);
	}

	public String messageKey() {
		return messageKey;
	}

	public int status() {
		return status;
	}
}
