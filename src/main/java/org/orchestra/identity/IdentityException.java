package org.orchestra.identity;

/**
 * A request that identity refuses; carries the message key that explains why to the user.
 */
public class IdentityException extends RuntimeException {

	private final String messageKey;

	public IdentityException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}
}
