package org.celltrial.safety.ctcae;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.celltrial.common.problem.Problem.Violation;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a batch of lab results (docs/api.md, "Bulk lab ingest"): NDJSON, one result a line with its {@code patientId}
 * and the fields of a single result, or CSV with a header line naming those fields. Every line is read and checked
 * as a single result would be; a batch with any bad line is refused whole, each bad line named ({@code line N: field})
 * in the problem's violations.
 */
@ApplicationScoped
public class LabBatchReader {

    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";

    /** Lines of one batch at most; a bigger load is sent as several batches (the request body limit applies too). */
    public static final int MAX_ROWS = 5000;

    private static final String PATIENT_ID = "patientId";

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    /** One line of the batch: where it was (1-based, the CSV header is line 1), whose result, and the result. */
    public record Row(int line, UUID patientId, LabRequest request) {
    }

    public List<Row> read(String body, boolean csv) {
        String[] lines = body.split("\r?\n", -1);
        List<Row> rows = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        String[] header = csv ? header(lines) : null;
        for (int index = csv ? 1 : 0; index < lines.length; index++) {
            if (lines[index].isBlank()) {
                continue;
            }
            int line = index + 1;
            try {
                ObjectNode fields = csv ? csvRow(header, lines[index], line) : jsonRow(lines[index], line);
                rows.add(row(fields, line, problems));
            } catch (LineProblem problem) {
                problems.add(problem.violation);
            }
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            throw ProblemException.invalid("body", "The batch has no results: send one result a line");
        }
        if (rows.size() + problems.size() > MAX_ROWS) {
            throw ProblemException.invalid("body", "The batch has " + (rows.size() + problems.size())
                    + " lines; at most " + MAX_ROWS + " are accepted, send the rest as another batch");
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(LabBatchReader::lineOf));
            throw new ProblemException(ProblemType.VALIDATION, problems.size() + " of the batch's "
                    + (rows.size() + problems.size()) + " lines are invalid; nothing was stored", problems);
        }
        return rows;
    }

    private Row row(ObjectNode fields, int line, List<Violation> problems) {
        JsonNode patient = fields.remove(PATIENT_ID);
        UUID patientId = null;
        if (patient == null || patient.isNull()) {
            problems.add(violation(line, PATIENT_ID, "must not be null"));
        } else {
            try {
                patientId = UUID.fromString(patient.asText());
            } catch (IllegalArgumentException e) {
                problems.add(violation(line, PATIENT_ID, "must be a patient's UUID"));
            }
        }
        LabRequest request;
        try {
            request = json.treeToValue(fields, LabRequest.class);
        } catch (UnrecognizedPropertyException e) {
            throw new LineProblem(violation(line, e.getPropertyName(), "is not a field of a lab result"));
        } catch (InvalidFormatException e) {
            throw new LineProblem(violation(line, fieldOf(e), "cannot be read as " + e.getTargetType().getSimpleName()
                    + (e.getTargetType().isEnum() ? " (one of " + List.of(e.getTargetType().getEnumConstants()) + ")"
                            : "")));
        } catch (JsonProcessingException e) {
            throw new LineProblem(violation(line, "line", "cannot be read: " + e.getOriginalMessage()));
        }
        for (ConstraintViolation<LabRequest> violation : validator.validate(request)) {
            problems.add(violation(line, violation.getPropertyPath().toString(), violation.getMessage()));
        }
        return new Row(line, patientId, request);
    }

    private ObjectNode jsonRow(String text, int line) {
        try {
            JsonNode node = json.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new LineProblem(violation(line, "line", "is not a JSON object: " + e.getOriginalMessage()));
        }
        throw new LineProblem(violation(line, "line", "is not a JSON object"));
    }

    private String[] header(String[] lines) {
        if (lines.length == 0 || lines[0].isBlank()) {
            throw ProblemException.invalid("body", "A CSV batch starts with a header line naming the fields, e.g. "
                    + "patientId,at,analyte,value,unit,lowerLimitNormal,upperLimitNormal");
        }
        return lines[0].trim().split(",", -1);
    }

    /** A CSV line as the JSON object of its fields; an empty cell is a field left out. No quoting: no field needs it. */
    private ObjectNode csvRow(String[] header, String text, int line) {
        String[] cells = text.split(",", -1);
        if (cells.length != header.length) {
            throw new LineProblem(violation(line, "line",
                    "has " + cells.length + " cells; the header names " + header.length));
        }
        ObjectNode fields = json.createObjectNode();
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isBlank()) {
                fields.put(header[i].trim(), cells[i].trim());
            }
        }
        return fields;
    }

    private static String fieldOf(InvalidFormatException e) {
        return e.getPath().isEmpty() ? "line" : e.getPath().get(e.getPath().size() - 1).getFieldName();
    }

    static Violation violation(int line, String field, String message) {
        return new Violation("line " + line + ": " + field, message);
    }

    /** The line a violation of {@link #violation} names. */
    static int lineOf(Violation violation) {
        String field = violation.field();
        return Integer.parseInt(field.substring("line ".length(), field.indexOf(':')));
    }

    private static final class LineProblem extends RuntimeException {
        private final transient Violation violation;

        LineProblem(Violation violation) {
            super(null, null, false, false);
            this.violation = violation;
        }
    }
}
