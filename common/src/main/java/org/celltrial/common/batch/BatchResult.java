package org.celltrial.common.batch;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** What a stored batch answers: how many records, of how many patients, and each line's record, in line order. */
public record BatchResult(int stored, int patients, List<StoredLine> items) {

    /** The record a line of the batch became. */
    public record StoredLine(int line, UUID id) {

        /** Each line with the ID of the record it became, the two lists in the same order. */
        public static List<StoredLine> of(List<? extends BatchReader.Row<?>> rows, List<UUID> ids) {
            return IntStream.range(0, rows.size()).mapToObj(index -> new StoredLine(rows.get(index).line(),
                    ids.get(index))).toList();
        }
    }
}
