package org.celltrial.efficacy.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.celltrial.efficacy.response.ResponseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The efficacy summary's figures (docs/clinical-rules.md, Reporting durations; docs/api.md, efficacy Summary). */
class EfficacyFiguresTest {

    private static final LocalDate AS_OF = LocalDate.parse("2025-06-15");

    /** The figures of these rows, kept and listed by subject ID. */
    private static EfficacySummary summarise(LocalDate asOf, List<String> siteCodes,
            List<EfficacySummary.PatientRow> rows) {
        EfficacyFigures.Tally tally = new EfficacyFigures.Tally(true);
        rows.forEach(tally::add);
        return tally.summary(asOf, siteCodes);
    }

    /** Part | whole | percent to one decimal, half up (empty: null). */
    @ParameterizedTest(name = "{0} of {1}: {2} %")
    @CsvSource(delimiter = '|', textBlock = """
            0 | 0 |
            0 | 4 | 0.0
            1 | 3 | 33.3
            2 | 3 | 66.7
            1 | 6 | 16.7
            1 | 8 | 12.5
            1 | 16 | 6.3
            3 | 4 | 75.0
            4 | 4 | 100.0
            """)
    void percentToOneDecimalHalfUp(int part, int whole, String percent) {
        assertEquals(percent == null ? null : new BigDecimal(percent), EfficacyFigures.percent(part, whole));
    }

    /** Values (space-separated, any order) | median as written (empty: null). */
    @ParameterizedTest(name = "median of [{0}]: {1}")
    @CsvSource(delimiter = '|', textBlock = """
                        |
            14          | 14
            21 7 14     | 14
            14 7        | 10.5
            7 21 14 28  | 17.5
            10 20       | 15.0
            9 9 9 12    | 9.0
            """)
    void medianIsTheMiddleOrTheMeanOfTheTwoMiddleValues(String values, String median) {
        List<Integer> numbers = values == null ? List.of()
                : Arrays.stream(values.trim().split(" +")).map(Integer::valueOf).toList();
        // A patient who did not respond (no time) counts for nothing in the median.
        List<EfficacySummary.PatientRow> rows = new ArrayList<>();
        rows.add(row("CT-S-000", ResponseStatus.NR, null, null, null, null, null));
        for (int i = 0; i < numbers.size(); i++) {
            rows.add(row("CT-S-" + (100 + i), ResponseStatus.R, numbers.get(i), null, null, null, null));
        }
        assertEquals(median == null ? null : new BigDecimal(median),
                summarise(AS_OF, List.of(), rows).medianTimeToResponseDays());
    }

    @Test
    void anEmptyStudyCountsNobodyAndHasNoPercentOrMedian() {
        EfficacySummary summary = summarise(AS_OF, List.of(), List.of());

        assertAll(
                () -> assertEquals(0, summary.patientsEvaluated()),
                () -> assertEquals(Map.of(ResponseStatus.CR, 0, ResponseStatus.R, 0, ResponseStatus.NR, 0,
                        ResponseStatus.NE, 0), summary.byBestResponse()),
                () -> assertEquals(new EfficacySummary.Rate(0, null), summary.orr()),
                () -> assertEquals(new EfficacySummary.Rate(0, null), summary.completeResponse()),
                () -> assertNull(summary.medianTimeToResponseDays()),
                () -> assertEquals(0, summary.bCellAplasiaSustained()),
                () -> assertEquals(List.of(), summary.patients()));
    }

    @Test
    void onePatientInCompleteResponseIsAHundredPercent() {
        EfficacySummary.PatientRow row = row("CT-S-001", ResponseStatus.CR, 21, true, true, true, true);

        EfficacySummary summary = summarise(AS_OF, List.of("S"), List.of(row));

        assertAll(
                () -> assertEquals(List.of("S"), summary.siteCodes()),
                () -> assertEquals(1, summary.patientsEvaluated()),
                () -> assertEquals(new EfficacySummary.Rate(1, new BigDecimal("100.0")), summary.orr()),
                () -> assertEquals(new EfficacySummary.Rate(1, new BigDecimal("100.0")), summary.completeResponse()),
                () -> assertEquals(new BigDecimal("21"), summary.medianTimeToResponseDays()),
                () -> assertEquals(1, summary.bCellAplasiaSustained()),
                () -> assertEquals(1, summary.gpAutoantibodyPositiveAtBaseline()),
                () -> assertEquals(1, summary.gpAutoantibodyAllNegativeAfter()),
                () -> assertEquals(1, summary.rescueFreeAtCutOff()));
    }

    /**
     * Four patients, given out of order: CR at day 14, R at day 28, NR and NE. ORR 2 of 4, CR 1 of 4, the median
     * time to response over the two responders; unknown (null) flags are not counted.
     */
    @Test
    void aStudyOfFourPatients() {
        EfficacySummary summary = summarise(AS_OF, List.of(), List.of(
                row("CT-S-004", ResponseStatus.NE, null, null, null, null, null),
                row("CT-S-002", ResponseStatus.R, 28, false, true, false, true),
                row("CT-S-001", ResponseStatus.CR, 14, true, true, true, false),
                row("CT-S-003", ResponseStatus.NR, null, true, false, null, true)));

        assertAll(
                () -> assertEquals(4, summary.patientsEvaluated()),
                () -> assertEquals(List.of("CT-S-001", "CT-S-002", "CT-S-003", "CT-S-004"),
                        summary.patients().stream().map(EfficacySummary.PatientRow::subjectId).toList()),
                () -> assertEquals(Map.of(ResponseStatus.CR, 1, ResponseStatus.R, 1, ResponseStatus.NR, 1,
                        ResponseStatus.NE, 1), summary.byBestResponse()),
                () -> assertEquals(new EfficacySummary.Rate(2, new BigDecimal("50.0")), summary.orr()),
                () -> assertEquals(new EfficacySummary.Rate(1, new BigDecimal("25.0")), summary.completeResponse()),
                () -> assertEquals(new BigDecimal("21.0"), summary.medianTimeToResponseDays()),
                () -> assertEquals(2, summary.bCellAplasiaSustained()),
                () -> assertEquals(2, summary.gpAutoantibodyPositiveAtBaseline()),
                () -> assertEquals(1, summary.gpAutoantibodyAllNegativeAfter()),
                () -> assertEquals(2, summary.rescueFreeAtCutOff()));
    }

    /** A summary added up a page at a time keeps no rows: the same figures, whatever the order the pages come in. */
    @Test
    void theFiguresAloneAreTheSameFiguresWithoutTheRows() {
        List<EfficacySummary.PatientRow> rows = List.of(
                row("CT-S-005", ResponseStatus.R, 35, null, false, null, true),
                row("CT-S-004", ResponseStatus.NE, null, null, null, null, null),
                row("CT-S-002", ResponseStatus.R, 28, false, true, false, true),
                row("CT-S-001", ResponseStatus.CR, 14, true, true, true, false),
                row("CT-S-003", ResponseStatus.NR, null, true, false, null, true));
        EfficacySummary whole = summarise(AS_OF, List.of("S"), rows);
        EfficacyFigures.Tally alone = new EfficacyFigures.Tally(false);
        List<EfficacySummary.PatientRow> reversed = new ArrayList<>(rows);
        Collections.reverse(reversed);
        reversed.forEach(alone::add);

        EfficacySummary figuresAlone = alone.summary(AS_OF, List.of("S"));

        assertNull(figuresAlone.patients());
        // every figure the same: the figures alone with the whole summary's rows are the whole summary
        assertEquals(whole, new EfficacySummary(figuresAlone.asOf(), figuresAlone.siteCodes(),
                figuresAlone.patientsEvaluated(), figuresAlone.byBestResponse(), figuresAlone.orr(),
                figuresAlone.completeResponse(), figuresAlone.medianTimeToResponseDays(),
                figuresAlone.bCellAplasiaSustained(), figuresAlone.gpAutoantibodyPositiveAtBaseline(),
                figuresAlone.gpAutoantibodyAllNegativeAfter(), figuresAlone.rescueFreeAtCutOff(), whole.patients()));
        assertEquals(new BigDecimal("28"), figuresAlone.medianTimeToResponseDays());
        assertEquals(new EfficacySummary.Rate(3, new BigDecimal("60.0")), figuresAlone.orr());
        assertEquals(3, figuresAlone.rescueFreeAtCutOff());
    }

    private static EfficacySummary.PatientRow row(String subjectId, ResponseStatus best, Integer timeToResponseDays,
            Boolean aplasia, Boolean positiveAtBaseline, Boolean allNegativeAfter, Boolean rescueFree) {
        return new EfficacySummary.PatientRow(subjectId, "S", best, timeToResponseDays, null, aplasia,
                positiveAtBaseline, allNegativeAfter, rescueFree);
    }
}
