package org.orchestra.tenancy;

import java.util.regex.Pattern;

/**
 * Identifier of an organisation: a short stable code such as {@code region}, {@code commune-21009} or
 * {@code cpas-21009}. It is also the tenant identifier stored on tenant-scoped data.
 */
public record OrganisationId(String value) {

	private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

	public OrganisationId {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("Invalid organisation id: " + value);
		}
	}

	public static OrganisationId of(String value) {
		return new OrganisationId(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
