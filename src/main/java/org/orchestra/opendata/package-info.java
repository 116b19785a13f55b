/**
 * The region's open-data portal (Datastore): a DCAT-AP catalogue of datasets and data services, authored by the
 * platform's publishers or harvested from other catalogues (CKAN, DCAT RDF, Opendatasoft, CSW), searchable by
 * everyone, scored for metadata quality, counted without tracking cookies, and harvestable in turn as DCAT-AP
 * and through a CKAN-compatible read API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open data",
		allowedDependencies = { "identity", "tenancy", "catalogue" })
@org.jspecify.annotations.NullMarked
package org.orchestra.opendata;
