package org.orchestra.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.RoleContribution;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity module's facade: accounts, memberships and the principals built from them.
 */
@Service
@Transactional
public class IdentityManagement {

	private final Accounts accounts;
	private final Memberships memberships;
	private final Privileges privileges;
	private final OrganisationDirectory organisations;
	private final PasswordEncoder passwords;
	private final ApplicationEventPublisher events;
	private final IdentityProperties properties;
	private final CurrentUser currentUser;

	IdentityManagement(Accounts accounts, Memberships memberships, Privileges privileges,
			OrganisationDirectory organisations, PasswordEncoder passwords, ApplicationEventPublisher events,
			IdentityProperties properties, CurrentUser currentUser) {
		this.accounts = accounts;
		this.memberships = memberships;
		this.privileges = privileges;
		this.organisations = organisations;
		this.passwords = passwords;
		this.events = events;
		this.properties = properties;
		this.currentUser = currentUser;
	}

	@Transactional(readOnly = true)
	public Optional<Account> findAccount(String username) {
		return accounts.findByUsernameIgnoreCase(username);
	}

	@Transactional(readOnly = true)
	public Optional<Account> findAccount(UUID id) {
		return accounts.findById(id);
	}

	/** Builds the principal of an account, acting for its first organisation. */
	@Transactional(readOnly = true)
	public OrchestraPrincipal principalOf(Account account) {
		Map<String, List<String>> roles = new LinkedHashMap<>();
		Map<String, Set<String>> privilegesByOrg = new LinkedHashMap<>();
		for (Membership membership : memberships.findByAccountIdOrderByOrganisationIdAscRoleAsc(account.id())) {
			String org = membership.organisation().value();
			roles.computeIfAbsent(org, o -> new ArrayList<>()).add(membership.role());
			privilegesByOrg.computeIfAbsent(org, o -> new TreeSet<>()).addAll(privileges.of(membership.role()));
		}
		Set<String> personal = account.kind() == AccountKind.CITIZEN ? privileges.of(RoleContribution.CITIZEN)
				: Set.of();
		String current = roles.isEmpty() ? null : roles.keySet().iterator().next();
		NationalNumber nn = account.nationalNumber();
		return new OrchestraPrincipal(account.id(), account.username(), account.displayName(), account.kind(),
				nn == null ? null : nn.value(), account.passwordHash(), account.enabled(),
				account.lockedAt(Instant.now()), roles, privilegesByOrg, personal, current);
	}

	/** Creates a local account. */
	public Account createAccount(String username, String displayName, @Nullable String email, AccountKind kind,
			String rawPassword) {
		validateUsername(username);
		validatePassword(rawPassword);
		if (accounts.findByUsernameIgnoreCase(username).isPresent()) {
			throw new IdentityException("identity.error.username-taken");
		}
		Account account = new Account(username.trim(), displayName.trim(), blankToNull(email), kind);
		account.changePassword(passwords.encode(rawPassword));
		return accounts.save(account);
	}

	/** Finds or creates the citizen account behind an external identity (OIDC), linked by national number. */
	public Account citizenFromExternalIdentity(String subject, NationalNumber nationalNumber, String displayName,
			@Nullable String email) {
		Account account = accounts.findByNationalNumber(nationalNumber.value())
			.or(() -> accounts.findByExternalSubject(subject))
			.orElseGet(() -> {
				Account created = new Account("nn-" + UUID.randomUUID().toString().substring(0, 8), displayName,
						blankToNull(email), AccountKind.CITIZEN);
				return accounts.save(created);
			});
		account.linkNationalNumber(nationalNumber);
		account.linkExternalSubject(subject);
		account.rename(displayName, blankToNull(email) != null ? email : account.email());
		return account;
	}

	public void changePassword(UUID accountId, String currentPassword, String newPassword) {
		Account account = accounts.findById(accountId).orElseThrow();
		String hash = account.passwordHash();
		if (hash == null || !passwords.matches(currentPassword, hash)) {
			throw new IdentityException("identity.error.wrong-password");
		}
		validatePassword(newPassword);
		account.changePassword(passwords.encode(newPassword));
	}

	/** Members of the organisation the current user administers. */
	@Transactional(readOnly = true)
	public List<Member> members(OrganisationId organisation) {
		requireAdministratorOf(organisation);
		List<Member> result = new ArrayList<>();
		for (Membership membership : memberships.findByOrganisationIdOrderByGrantedAtAsc(organisation.value())) {
			accounts.findById(membership.accountId())
				.ifPresent(account -> result.add(new Member(membership.id(), account.username(),
						account.displayName(), account.email(), membership.role(), membership.grantedAt(),
						membership.grantedBy())));
		}
		return result;
	}

	/**
	 * Creates a staff account with its first role in an organisation the current user administers: both are
	 * stored, or neither.
	 */
	public Membership createStaffMember(OrganisationId organisation, String username, String displayName,
			@Nullable String email, String rawPassword, String role) {
		requireAdministratorOf(organisation);
		if (!privileges.assignableRoles().contains(role)) {
			throw new IdentityException("identity.error.unknown-role");
		}
		createAccount(username, displayName, email, AccountKind.STAFF, rawPassword);
		return grant(organisation, username, role);
	}

	/** Gives a role in an organisation the current user administers to an existing account. */
	public Membership grant(OrganisationId organisation, String username, String role) {
		requireAdministratorOf(organisation);
		if (!privileges.assignableRoles().contains(role)) {
			throw new IdentityException("identity.error.unknown-role");
		}
		if (!organisations.exists(organisation)) {
			throw new IdentityException("identity.error.unknown-organisation");
		}
		Account account = accounts.findByUsernameIgnoreCase(username.trim())
			.orElseThrow(() -> new IdentityException("identity.error.unknown-user"));
		if (account.kind() != AccountKind.STAFF) {
			throw new IdentityException("identity.error.not-staff");
		}
		if (memberships.findByAccountIdAndOrganisationIdAndRole(account.id(), organisation.value(), role)
			.isPresent()) {
			throw new IdentityException("identity.error.already-member");
		}
		Membership membership = memberships
			.save(new Membership(account.id(), organisation, role, currentUser.actorName()));
		events.publishEvent(new MembershipGranted(membership.id(), account.id(), account.username(), account.email(),
				organisation.value(), role, currentUser.actorName(), locale()));
		return membership;
	}

	/** Withdraws a membership of an organisation the current user administers. */
	public void revoke(OrganisationId organisation, UUID membershipId) {
		requireAdministratorOf(organisation);
		Membership membership = memberships.findById(membershipId)
			.filter(m -> m.organisation().equals(organisation))
			.orElseThrow(() -> new IdentityException("identity.error.unknown-membership"));
		Account account = accounts.findById(membership.accountId()).orElseThrow();
		if (account.username().equalsIgnoreCase(currentUser.actorName())
				&& RoleContribution.ORG_ADMIN.equals(membership.role())) {
			throw new IdentityException("identity.error.own-admin-role");
		}
		memberships.delete(membership);
		events.publishEvent(new MembershipRevoked(membership.id(), account.username(), organisation.value(),
				membership.role(), currentUser.actorName()));
	}

	/** Whether the person has this role in the organisation. */
	@Transactional(readOnly = true)
	public boolean hasRole(String username, OrganisationId organisation, String role) {
		return accounts.findByUsernameIgnoreCase(username)
			.flatMap(account -> memberships.findByAccountIdAndOrganisationIdAndRole(account.id(),
					organisation.value(), role))
			.isPresent();
	}

	/** User names of the people with this role in the organisation (for assignment lists). */
	@Transactional(readOnly = true)
	public List<String> usernamesWithRole(OrganisationId organisation, String role) {
		List<String> names = new ArrayList<>();
		for (Membership membership : memberships.findByOrganisationIdOrderByGrantedAtAsc(organisation.value())) {
			if (membership.role().equals(role)) {
				accounts.findById(membership.accountId()).ifPresent(a -> names.add(a.username()));
			}
		}
		return names;
	}

	public Set<String> assignableRoles() {
		return privileges.assignableRoles();
	}

	private void requireAdministratorOf(OrganisationId organisation) {
		boolean acting = currentUser.organisation().map(organisation::equals).orElse(false);
		if (!acting || !currentUser.hasPrivilege(IdentityRoles.MANAGE_MEMBERS)) {
			throw new AccessDeniedException("Not an administrator of " + organisation);
		}
	}

	private void validateUsername(String username) {
		if (username == null || !username.trim().matches("[A-Za-z0-9._@-]{3,100}")) {
			throw new IdentityException("identity.error.invalid-username");
		}
	}

	private void validatePassword(String password) {
		if (password == null || password.length() < properties.minPasswordLength() || password.length() > 128) {
			throw new IdentityException("identity.error.weak-password");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String locale() {
		Locale locale = LocaleContextHolder.getLocale();
		return locale.getLanguage();
	}

	/** A member of an organisation, as shown to its administrators. */
	public record Member(UUID membershipId, String username, String displayName, @Nullable String email, String role,
			Instant grantedAt, String grantedBy) {
	}
}
