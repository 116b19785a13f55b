package org.orchestra.opendata.harvest;

import java.util.List;

import org.orchestra.opendata.DatasetRecord;

/** Receives a source's records a page at a time; each page is stored in its own transaction. */
@FunctionalInterface
public interface PageSink {

	void accept(List<DatasetRecord> records, List<RecordFailure> failures);
}
