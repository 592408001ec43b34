package org.celltrial.common.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * Reads a batch of patients' records for bulk ingest (docs/api.md, {@code POST /safety/labs:batch} and
 * {@code POST /efficacy/platelet-counts:batch}): NDJSON, one record a line with its {@code patientId} and the fields
 * of the single record's request, or CSV with a header line naming those fields. Every line is read and checked (Bean
 * Validation) as a single request would be; a batch with any bad line is refused whole, each bad line named
 * ({@code line N: field}) in the problem's violations. What the service checks afterwards (the patient, the caller's
 * right to write there) it names the same way, with {@link #violation} and {@link #refuseIfAny}.
 */
@ApplicationScoped
public class BatchReader {

    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";

    /** Lines of one batch at most; a bigger load is sent as several batches (the request body limit applies too). */
    public static final int MAX_ROWS = 5000;

    public static final String PATIENT_ID = "patientId";

    /** Problems in line order, a line's by field: the same answer every time (Bean Validation's order is not). */
    private static final Comparator<Violation> IN_LINE_ORDER = Comparator.comparingInt(BatchReader::lineOf)
            .thenComparing(Violation::field);

    private final ObjectMapper json;
    private final Validator validator;

    @Inject
    public BatchReader(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** One line of the batch: where it was (1-based, the CSV header is line 1), whose record, and the record. */
    public record Row<T>(int line, UUID patientId, T request) {
    }

    /** Whether a batch sent with this Content-Type is CSV (else NDJSON). */
    public static boolean isCsv(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith(CSV);
    }

    /**
     * The batch's lines as requests of this type (a record whose components are the CSV's fields besides
     * {@code patientId}), every one valid; else a 400 problem naming each bad line.
     *
     * @param what what one line is, in the problem's words, e.g. {@code "platelet count"}
     */
    public <T> List<Row<T>> read(String body, boolean csv, Class<T> type, String what) {
        String[] lines = body.split("\r?\n", -1);
        List<Row<T>> rows = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        String[] header = csv ? header(lines, type) : null;
        int read = 0;
        for (int index = csv ? 1 : 0; index < lines.length; index++) {
            if (lines[index].isBlank()) {
                continue;
            }
            read++;
            int line = index + 1;
            try {
                ObjectNode fields = csv ? csvRow(header, lines[index], line) : jsonRow(lines[index], line);
                rows.add(row(fields, line, type, what, problems));
            } catch (LineProblem problem) {
                problems.add(problem.violation);
            }
        }
        if (read == 0) {
            throw ProblemException.invalid("body", "The batch has no lines: send one " + what + " a line");
        }
        if (read > MAX_ROWS) {
            throw ProblemException.invalid("body", "The batch has " + read + " lines; at most " + MAX_ROWS
                    + " are accepted, send the rest as another batch");
        }
        if (!problems.isEmpty()) {
            problems.sort(IN_LINE_ORDER);
            long badLines = problems.stream().mapToInt(BatchReader::lineOf).distinct().count();
            throw new ProblemException(ProblemType.VALIDATION, badLines + " of the batch's " + read
                    + " lines are invalid; nothing was stored", problems);
        }
        return rows;
    }

    private <T> Row<T> row(ObjectNode fields, int line, Class<T> type, String what, List<Violation> problems) {
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
        T request;
        try {
            request = json.treeToValue(fields, type);
        } catch (UnrecognizedPropertyException e) {
            throw new LineProblem(violation(line, e.getPropertyName(), "is not a field of a " + what));
        } catch (InvalidFormatException e) {
            throw new LineProblem(violation(line, fieldOf(e), "cannot be read as " + e.getTargetType().getSimpleName()
                    + (e.getTargetType().isEnum() ? " (one of " + List.of(e.getTargetType().getEnumConstants()) + ")"
                            : "")));
        } catch (JsonProcessingException e) {
            throw new LineProblem(violation(line, "line", "cannot be read: " + e.getOriginalMessage()));
        }
        for (ConstraintViolation<T> violation : validator.validate(request)) {
            problems.add(violation(line, violation.getPropertyPath().toString(), violation.getMessage()));
        }
        return new Row<>(line, patientId, request);
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

    private static String[] header(String[] lines, Class<?> type) {
        if (lines.length == 0 || lines[0].isBlank()) {
            throw ProblemException.invalid("body", "A CSV batch starts with a header line naming the fields, e.g. "
                    + exampleHeader(type));
        }
        return lines[0].trim().split(",", -1);
    }

    /** The fields a CSV line may have: the patient's ID and the request's components, in their order. */
    static String exampleHeader(Class<?> type) {
        Stream<String> fields = type.isRecord()
                ? Arrays.stream(type.getRecordComponents()).map(component -> component.getName())
                : Stream.empty();
        return Stream.concat(Stream.of(PATIENT_ID), fields).collect(Collectors.joining(","));
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

    /** A problem of one line, named as every batch names it: {@code line 3: valuePer1e9L}. */
    public static Violation violation(int line, String field, String message) {
        return new Violation("line " + line + ": " + field, message);
    }

    /** Each of these lines refused for what its patient's check answered (a patient the caller may not write). */
    public static List<Violation> refusedLines(List<? extends Row<?>> rows, ProblemException refusal) {
        return rows.stream().map(row -> violation(row.line(), PATIENT_ID, refusal.problem().detail())).toList();
    }

    /** The line a violation of {@link #violation} names. */
    public static int lineOf(Violation violation) {
        String field = violation.field();
        return Integer.parseInt(field.substring("line ".length(), field.indexOf(':')));
    }

    /**
     * After reading, the service's own checks of each line (the patient, the caller's right to write there): with
     * any problem, the batch is refused whole, a 400 naming each bad line, in line order.
     */
    public static void refuseIfAny(List<Violation> problems) {
        if (!problems.isEmpty()) {
            long badLines = problems.stream().mapToInt(BatchReader::lineOf).distinct().count();
            throw new ProblemException(ProblemType.VALIDATION, badLines
                    + " lines of the batch cannot be stored; nothing was stored", problems.stream()
                            .sorted(IN_LINE_ORDER)
                            .toList());
        }
    }

    private static final class LineProblem extends RuntimeException {
        private final transient Violation violation;

        LineProblem(Violation violation) {
            super(null, null, false, false);
            this.violation = violation;
        }
    }
}
