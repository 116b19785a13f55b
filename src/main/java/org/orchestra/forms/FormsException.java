package org.orchestra.forms;

/** A refusal with a message key of the forms bundle and the HTTP status that fits it. */
public class FormsException extends RuntimeException {

	private final String messageKey;

	private final int status;

	private final transient Object[] arguments;

	public FormsException(String messageKey, int status, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.status = status;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public int status() {
		return status;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
