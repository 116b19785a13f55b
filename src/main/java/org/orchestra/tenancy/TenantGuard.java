package org.orchestra.tenancy;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.springframework.stereotype.Component;

/**
 * Checks, before tenant-scoped data is written, that the current transaction was opened for the organisation of
 * the tenant context. Hibernate fixes a session's tenant when the session opens: work that sets the tenant
 * context inside a transaction opened for another organisation would otherwise write under the wrong one.
 */
@Component
public class TenantGuard {

	private final EntityManager entityManager;

	TenantGuard(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/** Whether the open session (if any) was opened for this organisation. */
	public boolean sessionBelongsTo(OrganisationId organisation) {
		return organisation.value().equals(entityManager.unwrap(Session.class).getTenantIdentifierValue());
	}

	/** The current organisation, verified against the open session's tenant. */
	public OrganisationId require() {
		OrganisationId organisation = TenantContext.require();
		Object sessionTenant = entityManager.unwrap(Session.class).getTenantIdentifierValue();
		if (!organisation.value().equals(sessionTenant)) {
			throw new IllegalStateException(
					"Transaction opened for tenant " + sessionTenant + " used for organisation " + organisation);
		}
		return organisation;
	}
}
