package org.orchestra.opendata.harvest;

import org.orchestra.opendata.SourceKind;

/**
 * Reads a whole source of one kind, page by page, and hands each page's records (and the records it could not
 * read, with the reason) to the sink. A source that cannot be read as a whole (unreachable, invalid, endless,
 * too big) raises {@link HarvestFailure}; the run then fails and nothing is withdrawn.
 */
public interface Harvester {

	SourceKind kind();

	void harvest(SourceSpec source, SourceClient client, PageSink sink);
}
