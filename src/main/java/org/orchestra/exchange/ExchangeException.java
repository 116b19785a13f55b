package org.orchestra.exchange;

/** A request the exchange module refuses, with the message key explaining why. */
public class ExchangeException extends RuntimeException {

	private final String messageKey;
	private final int status;

	public ExchangeException(String messageKey, int status) {
		super(messageKey);
		this.messageKey = messageKey;
		this.status = status;
	}

	public ExchangeException(String messageKey) {
		this(messageKey, 400);
	}

	public String messageKey() {
		return messageKey;
	}

	public int status() {
		return status;
	}
}
