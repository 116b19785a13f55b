package org.orchestra.incident;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An e-mail address that follows a report's public changes; the token unsubscribes without an account. */
@Entity
@Table(name = "incident_subscription")
public class Subscription {

	@Id
	private UUID id;

	@Column(name = "report_id", nullable = false)
	private long reportId;

	@Column(nullable = false)
	private String email;

	@Column(nullable = false)
	private String locale;

	@Column(nullable = false, unique = true)
	private String token;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Subscription() {
	}

	Subscription(long reportId, String email, String locale) {
		this.id = UUID.randomUUID();
		this.reportId = reportId;
		this.email = email;
		this.locale = locale;
		this.token = UUID.randomUUID().toString().replace("-", "");
		this.createdAt = Instant.now();
	}

	void moveTo(long report) {
		this.reportId = report;
	}

	public long reportId() {
		return reportId;
	}

	public String email() {
		return email;
	}

	public String locale() {
		return locale;
	}

	public String token() {
		return token;
	}
}
