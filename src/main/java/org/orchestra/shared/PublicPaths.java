package org.orchestra.shared;

import java.util.List;

/**
 * Paths a module serves to everyone without signing in. Everything else requires authentication and a
 * privilege check.
 */
public interface PublicPaths {

	List<String> patterns();
}
