package org.celltrial.safety.ctcae;

import java.util.List;
import java.util.UUID;

/** What a stored batch of lab results answers: how many results, of how many patients, and each line's record. */
public record LabBatchResult(int stored, int patients, List<StoredLine> items) {

    /** The record a line of the batch became. */
    public record StoredLine(int line, UUID id) {
    }
}
