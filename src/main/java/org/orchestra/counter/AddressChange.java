package org.orchestra.counter;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/** A declared change of address, handled by the commune of the new address. */
@Entity
@Table(name = "counter_address_change")
public class AddressChange {

	/** Where an address change stands. */
	public enum Status {
		SUBMITTED, CONFIRMED, REFUSED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "counter_address_change_seq")
	@SequenceGenerator(name = "counter_address_change_seq", sequenceName = "counter_address_change_seq", allocationSize = 1)
	private long id;

	@Column(nullable = false, unique = true)
	private String reference;

	@Column(name = "organisation_id", nullable = false)
	private String organisationId;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(name = "requester_account", nullable = false)
	private String requesterAccount;

	@Column(name = "requester_nn", nullable = false)
	private String requesterNn;

	@Column(name = "requester_name", nullable = false)
	private String requesterName;

	@Column(name = "previous_address")
	private @Nullable String previousAddress;

	@Column(nullable = false)
	private String street;

	@Column(name = "house_number", nullable = false)
	private String houseNumber;

	private @Nullable String box;

	@Column(nullable = false)
	private String postcode;

	@Column(name = "nis_code", nullable = false)
	private String nisCode;

	@Column(nullable = false)
	private double lon;

	@Column(nullable = false)
	private double lat;

	@Column(name = "moving_date", nullable = false)
	private LocalDate movingDate;

	/** National numbers of the household members who move along, comma-separated. */
	@Column(nullable = false)
	private String members;

	@Column(name = "decided_by")
	private @Nullable String decidedBy;

	@Column(name = "refusal_reason")
	private @Nullable String refusalReason;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "decided_at")
	private @Nullable Instant decidedAt;

	@Version
	private long version;

	protected AddressChange() {
	}

	AddressChange(String organisationId, String requesterAccount, String requesterNn, String requesterName,
			@Nullable String previousAddress, String street, String houseNumber, @Nullable String box,
			String postcode, String nisCode, double lon, double lat, LocalDate movingDate, String members) {
		this.reference = "p-" + java.util.UUID.randomUUID().toString().replace("-", "");
		this.organisationId = organisationId;
		this.status = Status.SUBMITTED;
		this.requesterAccount = requesterAccount;
		this.requesterNn = requesterNn;
		this.requesterName = requesterName;
		this.previousAddress = previousAddress;
		this.street = street;
		this.houseNumber = houseNumber;
		this.box = box;
		this.postcode = postcode;
		this.nisCode = nisCode;
		this.lon = lon;
		this.lat = lat;
		this.movingDate = movingDate;
		this.members = members;
		this.createdAt = Instant.now();
	}

	void assignReference(int year) {
		this.reference = String.format("AC-%d-%06d", year, id);
	}

	void decide(Status decision, String agent, @Nullable String reason) {
		this.status = decision;
		this.decidedBy = agent;
		this.refusalReason = reason;
		this.decidedAt = Instant.now();
	}

	/** Erases what identifies the household; keeps the reference, commune, dates and decision. */
	void erase() {
		this.requesterNn = "-";
		this.requesterName = "-";
		this.previousAddress = null;
		this.street = "-";
		this.houseNumber = "-";
		this.box = null;
		this.lon = 0;
		this.lat = 0;
		this.members = "";
		this.refusalReason = null;
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

	public Status status() {
		return status;
	}

	public String requesterAccount() {
		return requesterAccount;
	}

	public String requesterNn() {
		return requesterNn;
	}

	public String requesterName() {
		return requesterName;
	}

	public @Nullable String previousAddress() {
		return previousAddress;
	}

	public String newAddress() {
		return street + " " + houseNumber + (box == null || box.isBlank() ? "" : " bte/bus " + box) + ", "
				+ postcode;
	}

	public String nisCode() {
		return nisCode;
	}

	public double lon() {
		return lon;
	}

	public double lat() {
		return lat;
	}

	public LocalDate movingDate() {
		return movingDate;
	}

	public java.util.List<String> members() {
		return members.isBlank() ? java.util.List.of() : java.util.List.of(members.split(","));
	}

	public @Nullable String decidedBy() {
		return decidedBy;
	}

	public @Nullable String refusalReason() {
		return refusalReason;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public @Nullable Instant decidedAt() {
		return decidedAt;
	}
}
