package org.orchestra.catalogue;

import java.util.List;

/**
 * Implemented by each module that offers services in the catalogue, so that only services that exist appear.
 */
public interface CatalogueContribution {

	List<CatalogueService> services();
}
