package org.orchestra.opendata;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the open-data portal.
 *
 * @param baseUri the base of the IRIs the catalogue mints for its datasets, distributions and publishers
 * @param catalogPageSize datasets per page of the DCAT-AP catalogue endpoint
 * @param harvestThreads harvest runs that may proceed at the same time
 * @param schedulerDelayMillis how often due sources are looked for
 * @param allowPrivateAddresses whether previews may fetch from private, loopback or link-local addresses
 *     (never in production; local test servers)
 * @param previewMaxBytes how much of a resource a preview reads at most
 * @param harvestPrivateAddresses whether harvest sources may be on private, loopback or link-local addresses (never
 *     in production, where a source must not make the platform read its own network; local test sources)
 */
@ConfigurationProperties("orchestra.opendata")
public record OpendataProperties(String baseUri, int catalogPageSize, int harvestThreads, long schedulerDelayMillis,
		boolean allowPrivateAddresses, int previewMaxBytes, boolean harvestPrivateAddresses) {

	public OpendataProperties {
		if (baseUri == null || baseUri.isBlank()) {
			baseUri = "http://localhost:8080";
		}
		baseUri = baseUri.replaceAll("/+$", "");
		if (catalogPageSize <= 0) {
			catalogPageSize = 100;
		}
		if (harvestThreads <= 0) {
			harvestThreads = 2;
		}
		if (schedulerDelayMillis <= 0) {
			schedulerDelayMillis = 60_000;
		}
		if (previewMaxBytes <= 0) {
			previewMaxBytes = 512 * 1024;
		}
	}
}
