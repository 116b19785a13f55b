package org.orchestra.identity;

import java.util.Optional;

import org.orchestra.tenancy.OrganisationId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting right now: the signed-in person, if any, and the organisation they act for.
 */
@Component
public class CurrentUser {

	public static final String SYSTEM = "system";
	public static final String ANONYMOUS = "anonymous";

	public Optional<OrchestraPrincipal> principal() {
		return of(SecurityContextHolder.getContext().getAuthentication());
	}

	public static Optional<OrchestraPrincipal> of(Authentication authentication) {
		if (authentication == null) {
			return Optional.empty();
		}
		Object principal = authentication.getPrincipal();
		if (principal instanceof OrchestraPrincipal p) {
			return Optional.of(p);
		}
		if (principal instanceof PrincipalHolder holder) {
			return Optional.of(holder.orchestraPrincipal());
		}
		return Optional.empty();
	}

	/** The name recorded as actor in the audit trail. */
	public String actorName() {
		return principal().map(OrchestraPrincipal::getUsername).orElse(ANONYMOUS);
	}

	public Optional<OrganisationId> organisation() {
		return principal().flatMap(OrchestraPrincipal::currentOrganisation);
	}

	public boolean hasPrivilege(String privilege) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(a -> privilege.equals(a.getAuthority()));
	}

	/** Principals from other sign-in methods (OIDC) that carry an Orchestra principal. */
	public interface PrincipalHolder {

		OrchestraPrincipal orchestraPrincipal();
	}
}
