package org.orchestra.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * A person's account: a citizen or a staff member. Global, not tied to one organisation; what a staff member may
 * do comes from their {@link Membership memberships}.
 */
@Entity
@Table(name = "identity_account")
public class Account {

	@Id
	private UUID id;

	@Column(nullable = false, unique = true)
	private String username;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	private @Nullable String email;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AccountKind kind;

	@Column(name = "national_number")
	private @Nullable String nationalNumber;

	@Column(name = "password_hash")
	private @Nullable String passwordHash;

	@Column(name = "external_subject")
	private @Nullable String externalSubject;

	private boolean enabled = true;

	@Column(name = "failed_attempts")
	private int failedAttempts;

	@Column(name = "locked_until")
	private @Nullable Instant lockedUntil;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected Account() {
	}

	Account(String username, String displayName, @Nullable String email, AccountKind kind) {
		this.id = UUID.randomUUID();
		this.username = username;
		this.displayName = displayName;
		this.email = email;
		this.kind = kind;
		this.createdAt = Instant.now();
	}

	public UUID id() {
		return id;
	}

	public String username() {
		return username;
	}

	public String displayName() {
		return displayName;
	}

	public @Nullable String email() {
		return email;
	}

	public AccountKind kind() {
		return kind;
	}

	public @Nullable NationalNumber nationalNumber() {
		return nationalNumber == null ? null : new NationalNumber(nationalNumber);
	}

	@Nullable
	String passwordHash() {
		return passwordHash;
	}

	public boolean enabled() {
		return enabled;
	}

	public int failedAttempts() {
		return failedAttempts;
	}

	public @Nullable Instant lockedUntil() {
		return lockedUntil;
	}

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}

	void changePassword(String hash) {
		this.passwordHash = hash;
	}

	void linkNationalNumber(NationalNumber number) {
		this.nationalNumber = number.value();
	}

	void linkExternalSubject(String subject) {
		this.externalSubject = subject;
	}

	void rename(String displayName, @Nullable String email) {
		this.displayName = displayName;
		this.email = email;
	}

	/** Records a failed sign-in; returns true when this failure locks the account. */
	boolean signInFailed(int maxAttempts, Duration lockDuration, Instant now) {
		if (lockedUntil != null && !now.isBefore(lockedUntil)) {
			failedAttempts = 0;
			lockedUntil = null;
		}
		failedAttempts++;
		if (failedAttempts >= maxAttempts) {
			lockedUntil = now.plus(lockDuration);
			failedAttempts = 0;
			return true;
		}
		return false;
	}

	void signedIn() {
		failedAttempts = 0;
		lockedUntil = null;
	}

	void unlock() {
		failedAttempts = 0;
		lockedUntil = null;
	}
}
