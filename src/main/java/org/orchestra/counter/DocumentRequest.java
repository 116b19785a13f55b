package org.orchestra.counter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * A resident's request for a document, handled by one commune. Its reference is what the resident and the agent
 * speak of; personal fields are erased after the retention period, the rest stays for statistics.
 */
@Entity
@Table(name = "counter_request")
public class DocumentRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "counter_request_seq")
	@SequenceGenerator(name = "counter_request_seq", sequenceName = "counter_request_seq", allocationSize = 1)
	private long id;

	@Column(nullable = false, unique = true)
	private String reference;

	@Column(name = "organisation_id", nullable = false)
	private String organisationId;

	@Column(name = "document_code", nullable = false)
	private String documentCode;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RequestStatus status;

	@Column(name = "requester_account", nullable = false)
	private String requesterAccount;

	@Column(name = "requester_name")
	private @Nullable String requesterName;

	@Column(name = "requester_email")
	private @Nullable String requesterEmail;

	@Column(name = "requester_nn")
	private @Nullable String requesterNn;

	@Column(name = "subject_nn")
	private @Nullable String subjectNn;

	@Column(name = "subject_name")
	private @Nullable String subjectName;

	@Enumerated(EnumType.STRING)
	@Column(name = "delivery_mode", nullable = false)
	private DeliveryMode deliveryMode;

	@Column(name = "postal_address")
	private @Nullable String postalAddress;

	@Column(nullable = false)
	private String language;

	@Column(name = "price_cents", nullable = false)
	private int priceCents;

	@Column(name = "due_date", nullable = false)
	private LocalDate dueDate;

	private @Nullable String assignee;

	@Column(name = "refusal_reason")
	private @Nullable String refusalReason;

	@Column(name = "document_id")
	private @Nullable UUID documentId;

	@Column(name = "verification_code")
	private @Nullable String verificationCode;

	@Column(name = "idempotency_key")
	private @Nullable String idempotencyKey;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "closed_at")
	private @Nullable Instant closedAt;

	@Column(nullable = false)
	private boolean erased;

	@Version
	private long version;

	protected DocumentRequest() {
	}

	DocumentRequest(String organisationId, String documentCode, String requesterAccount, String requesterName,
			@Nullable String requesterEmail, String requesterNn, String subjectNn, String subjectName,
			DeliveryMode deliveryMode, @Nullable String postalAddress, String language, int priceCents,
			LocalDate dueDate, @Nullable String idempotencyKey) {
		this.reference = "p-" + UUID.randomUUID().toString().replace("-", "");
		this.organisationId = organisationId;
		this.documentCode = documentCode;
		this.status = RequestStatus.RECEIVED;
		this.requesterAccount = requesterAccount;
		this.requesterName = requesterName;
		this.requesterEmail = requesterEmail;
		this.requesterNn = requesterNn;
		this.subjectNn = subjectNn;
		this.subjectName = subjectName;
		this.deliveryMode = deliveryMode;
		this.postalAddress = postalAddress;
		this.language = language;
		this.priceCents = priceCents;
		this.dueDate = dueDate;
		this.idempotencyKey = idempotencyKey;
		this.createdAt = now();
		this.updatedAt = createdAt;
	}

	private static Instant now() {
		return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}

	/** Demo data only: the request as if it had been sent earlier. */
	void backdate(Instant sent) {
		this.createdAt = sent;
		this.updatedAt = sent;
		if (closedAt != null) {
			this.closedAt = sent.plus(java.time.Duration.ofHours(20));
		}
	}

	void assignReference(int year) {
		this.reference = String.format("EC-%d-%07d", year, id);
	}

	void moveTo(RequestStatus next) {
		this.status = next;
		this.updatedAt = now();
		if (!next.open()) {
			this.closedAt = updatedAt;
		}
	}

	void refuse(String reason) {
		this.refusalReason = reason;
		moveTo(RequestStatus.REFUSED);
	}

	void attach(UUID documentId, @Nullable String verificationCode) {
		this.documentId = documentId;
		this.verificationCode = verificationCode;
		this.updatedAt = now();
	}

	void assign(@Nullable String agent) {
		this.assignee = agent;
		this.updatedAt = now();
	}

	void touch() {
		this.updatedAt = now();
	}

	/** Erases what identifies the resident; keeps the reference, dates, status and document type. */
	void erase() {
		this.requesterName = null;
		this.requesterEmail = null;
		this.requesterNn = null;
		this.subjectNn = null;
		this.subjectName = null;
		this.postalAddress = null;
		this.refusalReason = null;
		this.erased = true;
	}

	public long id() {
		return id;
	}

	public String reference() {
		return reference;
	}

	public String organisationId() {
		return organisationId;
	}

	public String documentCode() {
		return documentCode;
	}

	public RequestStatus status() {
		return status;
	}

	public String requesterAccount() {
		return requesterAccount;
	}

	public @Nullable String requesterName() {
		return requesterName;
	}

	public @Nullable String requesterEmail() {
		return requesterEmail;
	}

	public @Nullable String requesterNn() {
		return requesterNn;
	}

	public @Nullable String subjectNn() {
		return subjectNn;
	}

	public @Nullable String subjectName() {
		return subjectName;
	}

	public boolean forSomeoneElse() {
		return subjectNn != null && !subjectNn.equals(requesterNn);
	}

	public DeliveryMode deliveryMode() {
		return deliveryMode;
	}

	public @Nullable String postalAddress() {
		return postalAddress;
	}

	public String language() {
		return language;
	}

	public int priceCents() {
		return priceCents;
	}

	/** The price as residents read it, e.g. {@code 12,50}. */
	public String price() {
		return String.format(java.util.Locale.ROOT, "%d,%02d", priceCents / 100, priceCents % 100);
	}

	public LocalDate dueDate() {
		return dueDate;
	}

	public boolean overdue() {
		return status.open() && dueDate.isBefore(LocalDate.now(CounterRequests.BRUSSELS));
	}

	public @Nullable String assignee() {
		return assignee;
	}

	public @Nullable String refusalReason() {
		return refusalReason;
	}

	public @Nullable UUID documentId() {
		return documentId;
	}

	public @Nullable String verificationCode() {
		return verificationCode;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public @Nullable Instant closedAt() {
		return closedAt;
	}

	public boolean erased() {
		return erased;
	}
}
