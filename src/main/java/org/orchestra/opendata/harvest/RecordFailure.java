package org.orchestra.opendata.harvest;

import org.jspecify.annotations.Nullable;

/** A record of a source that could not be read, and why (in English, as written in the job's report). */
public record RecordFailure(@Nullable String recordId, String reason) {
}
