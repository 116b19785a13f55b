package org.orchestra.counter;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** A message between the resident and the agents on a request, possibly with a file. */
@Entity
@Table(name = "counter_request_message")
public class RequestMessage {

	@Id
	private UUID id;

	@Column(name = "request_id", nullable = false)
	private long requestId;

	@Column(name = "from_agent", nullable = false)
	private boolean fromAgent;

	@Column(nullable = false)
	private String author;

	@Column(nullable = false)
	private String body;

	@Column(name = "document_id")
	private @Nullable UUID documentId;

	@Column(name = "file_name")
	private @Nullable String fileName;

	@Column(nullable = false)
	private Instant at;

	protected RequestMessage() {
	}

	RequestMessage(long requestId, boolean fromAgent, String author, String body, @Nullable UUID documentId,
			@Nullable String fileName) {
		this.id = UUID.randomUUID();
		this.requestId = requestId;
		this.fromAgent = fromAgent;
		this.author = author;
		this.body = body;
		this.documentId = documentId;
		this.fileName = fileName;
		this.at = Instant.now();
	}

	public UUID id() {
		return id;
	}

	public long requestId() {
		return requestId;
	}

	public boolean fromAgent() {
		return fromAgent;
	}

	public String author() {
		return author;
	}

	public String body() {
		return body;
	}

	public @Nullable UUID documentId() {
		return documentId;
	}

	public @Nullable String fileName() {
		return fileName;
	}

	public Instant at() {
		return at;
	}
}
