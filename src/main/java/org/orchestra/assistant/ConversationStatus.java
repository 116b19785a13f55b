package org.orchestra.assistant;

/** Where a conversation stands. */
public enum ConversationStatus {
	/** The citizen wrote last: an agent has to answer. */
	WAITING,
	/** An agent answered last. */
	ANSWERED,
	/** Closed by the agent or the citizen; erased after the retention period. */
	CLOSED
}
