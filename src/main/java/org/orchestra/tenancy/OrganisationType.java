package org.orchestra.tenancy;

/** Kinds of organisation served by the platform. */
public enum OrganisationType {
	REGION, COMMUNE, CPAS, REGIONAL_BODY, PUBLIC_TRANSPORT, POLICE_ZONE, SOCIAL_HOUSING
}
