package org.orchestra.assistant;

/** A request the assistant refuses, with the message key explaining why and the HTTP status that fits. */
public class AssistantException extends RuntimeException {

	private final String messageKey;
	private final int status;

	public AssistantException(String messageKey, int status) {
		super(messageKey);
		this.messageKey = messageKey;
		this.status = status;
	}

	public AssistantException(String messageKey) {
		this(messageKey, 400);
	}

	public String messageKey() {
		return messageKey;
	}

	public int status() {
		return status;
	}
}
