package org.orchestra.opendata.harvest;

import java.util.UUID;

/**
 * What a harvester needs to know of a source.
 *
 * @param url the source's base URL (CKAN site, DCAT document, Opendatasoft domain, CSW endpoint)
 * @param pageSize records asked for per page
 */
public record SourceSpec(UUID id, String url, int pageSize) {
}
