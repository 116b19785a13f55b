package org.orchestra.catalogue;

import org.jspecify.annotations.Nullable;

/**
 * A service a module offers in the catalogue. Texts are message keys of the contributing module's bundle:
 * {@code <key>.name}, {@code <key>.description} and {@code <key>.keywords}.
 *
 * @param key message key prefix, such as {@code audit.catalogue.trail}
 * @param entry the business entry it belongs to
 * @param href where the service starts
 * @param privilege the privilege needed to use it; {@code null} when everyone may (see {@code signInRequired})
 * @param signInRequired whether a signed-in account is needed
 */
public record CatalogueService(String key, BusinessEntry entry, String href, @Nullable String privilege,
		boolean signInRequired) {

	public static CatalogueService open(String key, BusinessEntry entry, String href) {
		return new CatalogueService(key, entry, href, null, false);
	}

	public static CatalogueService signedIn(String key, BusinessEntry entry, String href) {
		return new CatalogueService(key, entry, href, null, true);
	}

	public static CatalogueService privileged(String key, BusinessEntry entry, String href, String privilege) {
		return new CatalogueService(key, entry, href, privilege, true);
	}
}
