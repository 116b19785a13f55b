package org.orchestra.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads local accounts for password sign-in. */
@Component
class AccountDetailsService implements UserDetailsService {

	private final IdentityManagement identity;

	AccountDetailsService(IdentityManagement identity) {
		this.identity = identity;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return identity.findAccount(username)
			.filter(account -> account.passwordHash() != null)
			.map(identity::principalOf)
			.orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
	}
}
