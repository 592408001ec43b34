package org.celltrial.safety.ctcae;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.batch.BatchReader;
import org.celltrial.common.problem.Problem.Violation;

/**
 * Reads a batch of lab results (docs/api.md, "Lab results in bulk") with common's {@link BatchReader}: NDJSON, one
 * result a line with its {@code patientId} and the fields of a single result, or CSV with a header line naming those
 * fields; a batch with any bad line is refused whole, each bad line named ({@code line N: field}).
 */
@ApplicationScoped
public class LabBatchReader {

    public static final String NDJSON = BatchReader.NDJSON;
    public static final String CSV = BatchReader.CSV;
    public static final int MAX_ROWS = BatchReader.MAX_ROWS;

    @Inject
    BatchReader reader;

    /** One line of the batch: where it was (1-based, the CSV header is line 1), whose result, and the result. */
    public record Row(int line, UUID patientId, LabRequest request) {
    }

    public List<Row> read(String body, boolean csv) {
        return reader.read(body, csv, LabRequest.class, "lab result").stream()
                .map(row -> new Row(row.line(), row.patientId(), row.request()))
                .toList();
    }

    static Violation violation(int line, String field, String message) {
        return BatchReader.violation(line, field, message);
    }

    /** The line a violation of {@link #violation} names. */
    static int lineOf(Violation violation) {
        return BatchReader.lineOf(violation);
    }
}
