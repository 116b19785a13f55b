package org.orchestra.forms;

import java.util.List;
import java.util.Map;

/**
 * What a citizen sent for one step: the values per field key (several for a multiple choice), the point picked
 * on the map for an address, and uploaded files.
 */
public record StepInput(Map<String, List<String>> values, Map<String, Upload> files) {

	public StepInput {
		values = Map.copyOf(values);
		files = Map.copyOf(files);
	}

	/** An uploaded file; {@code content} is read only when its size is acceptable. */
	public record Upload(String filename, long size, ContentSupplier content) {
	}

	@FunctionalInterface
	public interface ContentSupplier {

		byte[] read() throws java.io.IOException;
	}
}
