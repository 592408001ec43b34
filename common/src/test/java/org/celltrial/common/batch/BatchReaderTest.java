package org.celltrial.common.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Validation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.celltrial.common.problem.Problem.Violation;
import org.celltrial.common.problem.ProblemException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The batch reader both bulk endpoints share, on a request of its own: NDJSON, CSV, every bad line named. */
class BatchReaderTest {

    /** A request as the services' are: a record with Bean Validation constraints. */
    record Count(@NotNull LocalDate date, @NotNull @DecimalMin("0") @DecimalMax("2000") BigDecimal value,
            @Min(0) @Max(4) Integer grade) {
    }

    private static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-000000000002");

    private final BatchReader reader = new BatchReader(new ObjectMapper().registerModule(new JavaTimeModule()),
            Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                    .buildValidatorFactory().getValidator());

    @Test
    void readsNdjsonLineByLineSkippingBlankLines() {
        List<BatchReader.Row<Count>> rows = read(false, String.join("\r\n",
                "{\"patientId\":\"" + FIRST + "\",\"date\":\"2025-02-01\",\"value\":30,\"grade\":0}",
                "",
                "{\"patientId\":\"" + SECOND + "\",\"date\":\"2025-02-02\",\"value\":12.5}",
                ""));
        assertEquals(List.of(
                new BatchReader.Row<>(1, FIRST, new Count(LocalDate.parse("2025-02-01"), new BigDecimal("30"), 0)),
                new BatchReader.Row<>(3, SECOND, new Count(LocalDate.parse("2025-02-02"), new BigDecimal("12.5"),
                        null))), rows);
    }

    @Test
    void readsCsvByItsHeaderWithEmptyCellsLeftOut() {
        List<BatchReader.Row<Count>> rows = read(true, "patientId,date,value,grade\n"
                + FIRST + ",2025-02-01,30,1\n"
                + SECOND + ",2025-02-02,40,\n");
        assertEquals(List.of(
                new BatchReader.Row<>(2, FIRST, new Count(LocalDate.parse("2025-02-01"), new BigDecimal("30"), 1)),
                new BatchReader.Row<>(3, SECOND, new Count(LocalDate.parse("2025-02-02"), new BigDecimal("40"),
                        null))), rows);
    }

    @Test
    void aBatchWithBadLinesIsRefusedWholeNamingEachInLineOrder() {
        ProblemException refused = assertThrows(ProblemException.class, () -> read(false, String.join("\n",
                "{\"patientId\":\"" + FIRST + "\",\"date\":\"2025-02-01\",\"value\":30}",
                "not json",
                "{\"patientId\":\"" + FIRST + "\",\"date\":\"2025-02-01\",\"value\":-1,\"grade\":5}",
                "{\"patientId\":\"nobody\",\"date\":\"2025-02-01\",\"value\":30}",
                "{\"patientId\":\"" + FIRST + "\",\"date\":\"2025-02-01\",\"value\":30,\"colour\":\"red\"}",
                "{\"date\":\"yesterday\",\"value\":30}")));
        assertEquals(400, refused.problem().status());
        assertEquals(List.of("line 2: line", "line 3: grade", "line 3: value", "line 4: patientId",
                "line 5: colour", "line 6: date", "line 6: patientId"),
                refused.problem().violations().stream().map(Violation::field).toList());
        assertTrue(refused.problem().detail().startsWith("5 of the batch's 6 lines are invalid"),
                refused.problem().detail());
    }

    @Test
    void aCsvLineWithTheWrongNumberOfCellsIsNamed() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> read(true, "patientId,date,value,grade\n" + FIRST + ",2025-02-01,30\n"));
        assertEquals(List.of(new Violation("line 2: line", "has 3 cells; the header names 4")),
                refused.problem().violations());
    }

    @Test
    void anEmptyBatchOrOneWithoutItsCsvHeaderIsRefused() {
        ProblemException empty = assertThrows(ProblemException.class, () -> read(false, "\n\n"));
        assertEquals("The batch has no lines: send one count a line", empty.problem().violations().get(0).message());
        ProblemException headless = assertThrows(ProblemException.class, () -> read(true, ""));
        assertTrue(headless.problem().violations().get(0).message().endsWith("patientId,date,value,grade"));
    }

    @Test
    void aBatchOverTheRowLimitIsRefused() {
        String line = "{\"patientId\":\"" + FIRST + "\",\"date\":\"2025-02-01\",\"value\":30}\n";
        assertEquals(BatchReader.MAX_ROWS, read(false, line.repeat(BatchReader.MAX_ROWS)).size());
        ProblemException refused = assertThrows(ProblemException.class,
                () -> read(false, line.repeat(BatchReader.MAX_ROWS + 1)));
        assertTrue(refused.problem().violations().get(0).message().startsWith("The batch has 5001 lines"));
    }

    @Test
    void theServicesOwnChecksAreNamedTheSameWayAndRefuseTheBatchInLineOrder() {
        assertEquals(7, BatchReader.lineOf(BatchReader.violation(7, "patientId", "Patient x was not found")));
        BatchReader.refuseIfAny(List.of());
        ProblemException refused = assertThrows(ProblemException.class, () -> BatchReader.refuseIfAny(List.of(
                BatchReader.violation(12, "patientId", "forbidden"),
                BatchReader.violation(3, "patientId", "unknown"))));
        assertEquals(List.of("line 3: patientId", "line 12: patientId"),
                refused.problem().violations().stream().map(Violation::field).toList());
    }

    @Test
    void theContentTypeSaysWhetherTheBatchIsCsv() {
        assertTrue(BatchReader.isCsv("text/csv; charset=utf-8"));
        assertTrue(BatchReader.isCsv("Text/CSV"));
        assertEquals(false, BatchReader.isCsv("application/x-ndjson"));
        assertEquals(false, BatchReader.isCsv(null));
    }

    private List<BatchReader.Row<Count>> read(boolean csv, String body) {
        return reader.read(body, csv, Count.class, "count");
    }
}
