package org.orchestra.opendata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Settings of a harvest source that cannot be saved: the message key of each field in error. */
public class InvalidHarvestSource extends OpendataException {

	private final Map<String, String> errors;

	public InvalidHarvestSource(Map<String, String> errors) {
		super(errors.values().stream().findFirst().orElse("opendata.harvest.error.invalid"), 400);
		this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
	}

	/** Field name ({@code name}, {@code url}, {@code pageSize}, ...) → message key. */
	public Map<String, String> errors() {
		return errors;
	}
}
