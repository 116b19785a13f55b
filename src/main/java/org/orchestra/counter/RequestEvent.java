package org.orchestra.counter;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** One line of a request's timeline, seen by the resident and the agents. */
@Entity
@Table(name = "counter_request_event")
public class RequestEvent {

	@Id
	private UUID id;

	@Column(name = "request_id", nullable = false)
	private long requestId;

	@Column(nullable = false)
	private String type;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RequestStatus status;

	@Column(nullable = false)
	private String actor;

	private @Nullable String note;

	@Column(nullable = false)
	private Instant at;

	protected RequestEvent() {
	}

	RequestEvent(long requestId, String type, RequestStatus status, String actor, @Nullable String note) {
		this.id = UUID.randomUUID();
		this.requestId = requestId;
		this.type = type;
		this.status = status;
		this.actor = actor;
		this.note = note == null || note.length() <= 2000 ? note : note.substring(0, 2000);
		this.at = Instant.now();
	}

	public String type() {
		return type;
	}

	public RequestStatus status() {
		return status;
	}

	public String actor() {
		return actor;
	}

	public @Nullable String note() {
		return note;
	}

	public Instant at() {
		return at;
	}
}
