package org.orchestra.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as the platform sees them: their account, the privileges each of their organisations
 * grants them, and the organisation they currently act for. Authorities are the privileges of that current
 * organisation (plus citizen privileges for citizens), so a staff member never uses a privilege granted by
 * another organisation.
 */
public final class OrchestraPrincipal implements UserDetails, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID accountId;
	private final String username;
	private final String displayName;
	private final AccountKind kind;
	private final @Nullable String nationalNumber;
	private @Nullable String passwordHash;
	private final boolean enabled;
	private final boolean locked;
	private final Map<String, List<String>> rolesByOrganisation;
	private final Map<String, Set<String>> privilegesByOrganisation;
	private final Set<String> personalPrivileges;
	private final @Nullable String currentOrganisation;

	OrchestraPrincipal(UUID accountId, String username, String displayName, AccountKind kind,
			@Nullable String nationalNumber, @Nullable String passwordHash, boolean enabled, boolean locked,
			Map<String, List<String>> rolesByOrganisation, Map<String, Set<String>> privilegesByOrganisation,
			Set<String> personalPrivileges, @Nullable String currentOrganisation) {
		this.accountId = accountId;
		this.username = username;
		this.displayName = displayName;
		this.kind = kind;
		this.nationalNumber = nationalNumber;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
		this.rolesByOrganisation = new LinkedHashMap<>(rolesByOrganisation);
		this.privilegesByOrganisation = new LinkedHashMap<>(privilegesByOrganisation);
		this.personalPrivileges = new TreeSet<>(personalPrivileges);
		this.currentOrganisation = currentOrganisation;
	}

	/** The same person acting for another of their organisations. */
	public OrchestraPrincipal actingFor(OrganisationId organisation) {
		if (!rolesByOrganisation.containsKey(organisation.value())) {
			throw new IllegalArgumentException("Not a member of " + organisation);
		}
		return new OrchestraPrincipal(accountId, username, displayName, kind, nationalNumber, null, enabled, locked,
				rolesByOrganisation, privilegesByOrganisation, personalPrivileges, organisation.value());
	}

	public UUID accountId() {
		return accountId;
	}

	public String displayName() {
		return displayName;
	}

	public AccountKind kind() {
		return kind;
	}

	public Optional<NationalNumber> nationalNumber() {
		return Optional.ofNullable(nationalNumber).map(NationalNumber::new);
	}

	public Optional<OrganisationId> currentOrganisation() {
		return Optional.ofNullable(currentOrganisation).map(OrganisationId::new);
	}

	/** The organisations this person is a member of, with their roles there. */
	public Map<OrganisationId, List<String>> memberships() {
		Map<OrganisationId, List<String>> result = new LinkedHashMap<>();
		rolesByOrganisation.forEach((org, roles) -> result.put(new OrganisationId(org), List.copyOf(roles)));
		return result;
	}

	public Set<String> privileges() {
		Set<String> privileges = new TreeSet<>(personalPrivileges);
		if (currentOrganisation != null) {
			privileges.addAll(privilegesByOrganisation.getOrDefault(currentOrganisation, Set.of()));
		}
		return privileges;
	}

	public boolean hasPrivilege(String privilege) {
		return privileges().contains(privilege);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		privileges().forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
		return authorities;
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof OrchestraPrincipal that && that.accountId.equals(accountId);
	}

	@Override
	public int hashCode() {
		return accountId.hashCode();
	}

	@Override
	public String toString() {
		return username;
	}
}
