package org.orchestra.notification;

/** Delivery status of a message in the outbox. */
public enum MessageStatus {
	PENDING, SENDING, SENT, FAILED
}
