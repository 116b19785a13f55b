package org.orchestra.notification;

/** Delivers one e-mail; throws when delivery fails so that the message is retried. */
interface MailTransport {

	void send(String from, OutboxMessage message) throws Exception;

	/** Name shown in logs and on the outbox page. */
	String name();
}
