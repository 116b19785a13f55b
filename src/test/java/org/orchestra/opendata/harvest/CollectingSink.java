package org.orchestra.opendata.harvest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.orchestra.opendata.DatasetRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** Collects what a harvest hands over, page by page. */
final class CollectingSink implements PageSink {

	final List<List<DatasetRecord>> pages = new ArrayList<>();
	final List<List<RecordFailure>> pageFailures = new ArrayList<>();
	final List<RecordFailure> failures = new ArrayList<>();

	@Override
	public void accept(List<DatasetRecord> records, List<RecordFailure> failed) {
		pages.add(List.copyOf(records));
		pageFailures.add(List.copyOf(failed));
		failures.addAll(failed);
	}

	/** Harvests a source with a fresh client (5 s timeout, 1 MB, 20 requests) and collects what it gives. */
	static CollectingSink harvest(Harvester harvester, String url, int pageSize) {
		CollectingSink sink = new CollectingSink();
		harvester.harvest(new SourceSpec(UUID.randomUUID(), url, pageSize),
				SourceClient.create(Duration.ofSeconds(5), 1_000_000, 20), sink);
		return sink;
	}

	List<RecordFailure> failures() {
		return failures;
	}

	int pageCount() {
		return pages.size();
	}

	List<DatasetRecord> records() {
		return pages.stream().flatMap(List::stream).toList();
	}

	Map<String, DatasetRecord> byId() {
		return records().stream().collect(Collectors.toMap(DatasetRecord::recordId, Function.identity()));
	}

	DatasetRecord record(String id) {
		DatasetRecord record = byId().get(id);
		assertThat(record).as("record " + id).isNotNull();
		return record;
	}
}
