package org.orchestra.territory;

import java.util.List;

/**
 * What an import found: how many records it read, how many it would import, and every rejection with its reason.
 * Any rejection fails the whole import: the current data stays as it was.
 *
 * @param fatal a problem with the file as a whole (not GeoJSON, wrong CRS, …), or {@code null}
 */
public record ImportReport(ImportKind kind, int read, int imported, List<String> rejections,
		@org.jspecify.annotations.Nullable String fatal) {

	public boolean succeeded() {
		return fatal == null && rejections.isEmpty();
	}

	static ImportReport fatal(ImportKind kind, String reason) {
		return new ImportReport(kind, 0, 0, List.of(), reason);
	}

	/** The report as text: the fatal problem, or the first {@code max} rejections. */
	public String text(int max) {
		StringBuilder out = new StringBuilder();
		if (fatal != null) {
			out.append(fatal).append('\n');
		}
		rejections.stream().limit(max).forEach(r -> out.append(r).append('\n'));
		if (rejections.size() > max) {
			out.append("… ").append(rejections.size() - max).append(" more\n");
		}
		String text = out.toString();
		return text.length() > 9000 ? text.substring(0, 9000) + "…" : text;
	}
}
