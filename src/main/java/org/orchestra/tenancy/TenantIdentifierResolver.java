package org.orchestra.tenancy;

import java.util.Map;

import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives Hibernate the tenant of the current thread, so that every {@code @TenantId} entity is filtered and
 * stamped with the organisation the user acts for.
 */
@Component
class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<String>, HibernatePropertiesCustomizer {

	@Override
	public String resolveCurrentTenantIdentifier() {
		return TenantContext.identifier();
	}

	@Override
	public boolean validateExistingCurrentSessions() {
		return false;
	}

	@Override
	public boolean isRoot(String tenantId) {
		return TenantContext.SYSTEM.equals(tenantId);
	}

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		hibernateProperties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, this);
	}
}
