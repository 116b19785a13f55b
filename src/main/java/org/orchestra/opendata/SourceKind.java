package org.orchestra.opendata;

/** The protocols harvest sources speak. */
public enum SourceKind {
	/** CKAN Action API ({@code /api/3/action/package_search}). */
	CKAN,
	/** DCAT RDF: RDF/XML, Turtle, JSON-LD or N-Triples, with Hydra paging. */
	DCAT,
	/** Opendatasoft Explore API v2.1. */
	OPENDATASOFT,
	/** OGC CSW 2.0.2 with ISO 19139 records, mapped to GeoDCAT-AP. */
	CSW
}
