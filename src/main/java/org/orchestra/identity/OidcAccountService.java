package org.orchestra.identity;

import java.io.Serial;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Signs citizens in through an OIDC provider: the national number claim links them to their citizen account,
 * created on first sign-in. Staff signing in through the provider are matched to their account by user name.
 */
@Component
class OidcAccountService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService delegate = new OidcUserService();
	private final OidcClaimsMapping mapping;
	private final IdentityManagement identity;

	OidcAccountService(OidcClaimsMapping mapping, IdentityManagement identity) {
		this.mapping = mapping;
		this.identity = identity;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = delegate.loadUser(request);
		return toOrchestraUser(user);
	}

	OidcUser toOrchestraUser(OidcUser user) {
		String subject = user.getIssuer() + "|" + user.getSubject();
		Account account = mapping.nationalNumber(user.getClaims())
			.map(nn -> identity.citizenFromExternalIdentity(subject, nn, mapping.displayName(user.getClaims()),
					user.getEmail()))
			.or(() -> identity.findAccount(String.valueOf(user.getPreferredUsername()))
				.filter(a -> a.kind() == AccountKind.STAFF))
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("missing_national_number",
					"The identity provider did not return a valid national number", null)));
		OrchestraPrincipal principal = identity.principalOf(account);
		principal.eraseCredentials();
		return new OrchestraOidcUser(principal, user);
	}

	static final class OrchestraOidcUser extends DefaultOidcUser implements CurrentUser.PrincipalHolder {

		@Serial
		private static final long serialVersionUID = 1L;

		private final OrchestraPrincipal principal;

		OrchestraOidcUser(OrchestraPrincipal principal, OidcUser user) {
			super(principal.getAuthorities(), user.getIdToken(), user.getUserInfo());
			this.principal = principal;
		}

		@Override
		public OrchestraPrincipal orchestraPrincipal() {
			return principal;
		}

		@Override
		public String getName() {
			return principal.getUsername();
		}
	}
}
