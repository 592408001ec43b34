package org.celltrial.common.batch;

import java.util.List;
import java.util.UUID;

/** What a stored batch answers: how many records, of how many patients, and each line's record, in line order. */
public record BatchResult(int stored, int patients, List<StoredLine> items) {

    /** The record a line of the batch became. */
    public record StoredLine(int line, UUID id) {
    }
}
