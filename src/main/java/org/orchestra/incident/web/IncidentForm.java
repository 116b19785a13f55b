package org.orchestra.incident.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The report form as submitted, kept to re-render it with the user's answers after an error or the duplicates
 * step. Photo references are the signed references of photos already made safe and stored.
 */
record IncidentForm(String idempotencyKey, @Nullable Double lon, @Nullable Double lat, String q,
		String locationType, String category, String description, List<String> photoRefs, String name, String email,
		String phone, boolean hideName, boolean privateReport) {

	static IncidentForm empty(String key) {
		return new IncidentForm(key, null, null, "", "", "", "", List.of(), "", "", "", true, false);
	}
}
