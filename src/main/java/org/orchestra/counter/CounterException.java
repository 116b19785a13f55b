package org.orchestra.counter;

/** A request the counter refuses, with the message key explaining why and the HTTP status that fits. */
public class CounterException extends RuntimeException {

	private final String messageKey;
	private final int status;

	public CounterException(String messageKey, int status) {
		super(messageKey);
		this.messageKey = messageKey;
		this.status = status;
	}

	public CounterException(String messageKey) {
		this(messageKey, 400);
	}

	public String messageKey() {
		return messageKey;
	}

	public int status() {
		return status;
	}
}
