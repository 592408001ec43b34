package org.celltrial.efficacy.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.celltrial.efficacy.response.ResponseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The efficacy summary's figures (docs/clinical-rules.md, Reporting durations; docs/api.md, efficacy Summary). */
class EfficacyFiguresTest {

    private static final LocalDate AS_OF = LocalDate.parse("2025-06-15");

    private final EfficacyFigures figures = new EfficacyFigures();

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
        assertEquals(median == null ? null : new BigDecimal(median), EfficacyFigures.median(numbers));
    }

    @Test
    void anEmptyStudyCountsNobodyAndHasNoPercentOrMedian() {
        EfficacySummary summary = figures.summarise(AS_OF, List.of(), List.of());

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

        EfficacySummary summary = figures.summarise(AS_OF, List.of("S"), List.of(row));

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
        EfficacySummary summary = figures.summarise(AS_OF, List.of(), List.of(
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

    private static EfficacySummary.PatientRow row(String subjectId, ResponseStatus best, Integer timeToResponseDays,
            Boolean aplasia, Boolean positiveAtBaseline, Boolean allNegativeAfter, Boolean rescueFree) {
        return new EfficacySummary.PatientRow(subjectId, "S", best, timeToResponseDays, null, aplasia,
                positiveAtBaseline, allNegativeAfter, rescueFree);
    }
}
