package org.orchestra.shared;

import java.util.List;

/**
 * Paths a module serves to everyone without signing in. Everything else requires authentication and a
 * privilege check.
 */
public interface PublicPaths {

	List<String> patterns();

	/**
	 * Paths of machine-to-machine APIs that authenticate each request themselves (API keys) and so take no CSRF
	 * token.
	 */
	default List<String> csrfExemptPatterns() {
		return List.of();
	}
}
