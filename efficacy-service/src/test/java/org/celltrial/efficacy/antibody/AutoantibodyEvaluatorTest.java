package org.celltrial.efficacy.antibody;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/clinical-rules.md, Other efficacy measures: GP autoantibodies by ELISA. */
class AutoantibodyEvaluatorTest {

    private static final LocalDate DAY0 = LocalDate.parse("2025-02-01");

    private final AutoantibodyEvaluator evaluator = new AutoantibodyEvaluator();

    @ParameterizedTest(name = "OD {0} against cut-off {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "0.29 | 0.30 | NEGATIVE | OD 0.29 < cut-off 0.30: negative",
            "0.30 | 0.30 | POSITIVE | OD 0.30 ≥ cut-off 0.30: positive",
            "0.31 | 0.30 | POSITIVE | OD 0.31 ≥ cut-off 0.30: positive",
            "0.41 | 0.30 | POSITIVE | OD 0.41 ≥ cut-off 0.30: positive",
    })
    void positiveAtOrAboveTheCutOff(BigDecimal opticalDensity, BigDecimal cutoff, AntibodyStatus status,
            String explanation) {
        TargetCourse.Reading reading = evaluator.evaluate(
                List.of(new AutoantibodyResult(day(30), GpTarget.GPIIB_IIIA, opticalDensity, cutoff)), DAY0)
                .targets().get(0).series().get(0);

        assertEquals(status, reading.status());
        assertEquals(explanation, reading.explanation());
        assertEquals(30, reading.studyDay());
    }

    @Test
    void allNegativeSinceTheLatestTargetTurnedNegative() {
        AutoantibodyAssessment assessment = evaluator.evaluate(List.of(
                result(-5, GpTarget.GPIIB_IIIA, "0.41"), result(30, GpTarget.GPIIB_IIIA, "0.35"),
                result(60, GpTarget.GPIIB_IIIA, "0.20"), result(90, GpTarget.GPIIB_IIIA, "0.18"),
                result(-5, GpTarget.GPIB_IX, "0.52"), result(30, GpTarget.GPIB_IX, "0.10"),
                result(60, GpTarget.GPIB_IX, "0.12"), result(90, GpTarget.GPIB_IX, "0.09"),
                result(-5, GpTarget.GPIA_IIA, "0.05"), result(90, GpTarget.GPIA_IIA, "0.04")), DAY0);

        TargetCourse gpIIbIIIa = assessment.targets().get(0);
        TargetCourse gpIbIX = assessment.targets().get(1);
        assertAll(
                () -> assertEquals(List.of(GpTarget.GPIIB_IIIA, GpTarget.GPIB_IX, GpTarget.GPIA_IIA),
                        assessment.targets().stream().map(TargetCourse::target).toList()),
                () -> assertEquals(AntibodyStatus.POSITIVE, gpIIbIIIa.baseline()),
                () -> assertEquals(day(60), gpIIbIIIa.negativeSince()),
                () -> assertEquals(AntibodyStatus.NEGATIVE, gpIIbIIIa.current()),
                () -> assertEquals(day(30), gpIbIX.negativeSince()),
                () -> assertTrue(assessment.anyPositiveAtBaseline()),
                () -> assertTrue(assessment.allNegativeAfterInfusion()),
                () -> assertEquals(day(60), assessment.allNegativeSince()),
                () -> assertEquals("GPIIb/IIIa: positive at baseline on 2025-01-27 (OD 0.41 ≥ cut-off 0.30: "
                        + "positive), negative since 2025-04-02 to the last result on 2025-05-02; "
                        + "GPIb/IX: positive at baseline on 2025-01-27 (OD 0.52 ≥ cut-off 0.30: positive), negative "
                        + "since 2025-03-03 to the last result on 2025-05-02; "
                        + "GPIa/IIa: negative at baseline on 2025-01-27 (OD 0.05 < cut-off 0.30: negative), negative "
                        + "since 2025-05-02 to the last result on 2025-05-02. "
                        + "All negative after infusion since 2025-04-02: every target positive at baseline or after "
                        + "Day 0 (GPIIb/IIIa, GPIb/IX) is negative from then on", assessment.explanation()));
    }

    @ParameterizedTest(name = "positive on day -30, negative on day {0}: baseline {1}")
    @CsvSource({
            "-1, NEGATIVE",
            "0,  NEGATIVE",
            "1,  POSITIVE",
    })
    void baselineIsTheLastResultOnOrBeforeDay0(int negativeDay, AntibodyStatus baseline) {
        TargetCourse course = evaluator.evaluate(
                List.of(result(-30, GpTarget.GPIB_IX, "0.50"), result(negativeDay, GpTarget.GPIB_IX, "0.10")), DAY0)
                .targets().get(0);

        assertEquals(baseline, course.baseline());
        // only a negative result after Day 0 starts "negative since"
        assertEquals(negativeDay > 0 ? day(negativeDay) : null, course.negativeSince());
    }

    @Test
    void aTargetPositiveAgainIsNotNegativeSinceAnyDate() {
        AutoantibodyAssessment assessment = evaluator.evaluate(List.of(result(-5, GpTarget.GPIIB_IIIA, "0.41"),
                result(30, GpTarget.GPIIB_IIIA, "0.20"), result(60, GpTarget.GPIIB_IIIA, "0.33")), DAY0);

        TargetCourse course = assessment.targets().get(0);
        assertNull(course.negativeSince());
        assertEquals(AntibodyStatus.POSITIVE, course.current());
        assertFalse(assessment.allNegativeAfterInfusion());
        assertNull(assessment.allNegativeSince());
        assertEquals("GPIIb/IIIa: positive at baseline on 2025-01-27 (OD 0.41 ≥ cut-off 0.30: positive), positive at "
                + "the last result on 2025-04-02 (OD 0.33 ≥ cut-off 0.30: positive). Not all negative after "
                + "infusion: GPIIb/IIIa not negative since a result after Day 0", assessment.explanation());
    }

    @Test
    void aTargetPositiveAtBaselineAndNotRetestedKeepsAllNegativeFalse() {
        AutoantibodyAssessment assessment = evaluator.evaluate(List.of(result(-5, GpTarget.GPIIB_IIIA, "0.41"),
                result(-5, GpTarget.GPIB_IX, "0.52"), result(30, GpTarget.GPIB_IX, "0.10")), DAY0);

        assertTrue(assessment.anyPositiveAtBaseline());
        assertFalse(assessment.allNegativeAfterInfusion());
        assertTrue(assessment.explanation().startsWith("GPIIb/IIIa: positive at baseline on 2025-01-27 (OD 0.41 ≥ "
                + "cut-off 0.30: positive), no result after Day 0;"), assessment.explanation());
        assertTrue(assessment.explanation().endsWith(
                "Not all negative after infusion: GPIIb/IIIa not negative since a result after Day 0"));
    }

    @Test
    void withoutAPositiveBaselineNothingTurnedNegative() {
        AutoantibodyAssessment negativeThroughout = evaluator.evaluate(
                List.of(result(-5, GpTarget.GPIA_IIA, "0.05"), result(30, GpTarget.GPIA_IIA, "0.04")), DAY0);
        AutoantibodyAssessment noBaseline = evaluator.evaluate(List.of(result(30, GpTarget.GPIA_IIA, "0.04")), DAY0);
        AutoantibodyAssessment none = evaluator.evaluate(List.of(), DAY0);

        for (AutoantibodyAssessment assessment : List.of(negativeThroughout, noBaseline, none)) {
            assertFalse(assessment.anyPositiveAtBaseline());
            assertFalse(assessment.allNegativeAfterInfusion());
            assertNull(assessment.allNegativeSince());
            assertTrue(assessment.explanation().endsWith("No target positive at baseline: nothing turned negative, "
                    + "so not all negative after infusion"), assessment.explanation());
        }
        assertNull(noBaseline.targets().get(0).baseline());
        assertTrue(noBaseline.explanation().startsWith("GPIa/IIa: no result on or before Day 0, negative since"));
        assertEquals(List.of(), none.targets());
        assertTrue(none.explanation().startsWith("No ELISA result. "));
    }

    @ParameterizedTest(name = "GPIb/IX negative at baseline, positive on day 30, OD {0} on day 60: all negative {1}")
    @CsvSource({
            "0.31, false, ",
            "0.30, false, ",
            "0.29, true,  60",
    })
    void aTargetPositiveAfterInfusionMustTurnNegativeToo(String day60OpticalDensity, boolean allNegative,
            Integer sinceDay) {
        AutoantibodyAssessment assessment = evaluator.evaluate(List.of(
                result(-5, GpTarget.GPIIB_IIIA, "0.41"), result(30, GpTarget.GPIIB_IIIA, "0.20"),
                result(-5, GpTarget.GPIB_IX, "0.10"), result(30, GpTarget.GPIB_IX, "0.40"),
                result(60, GpTarget.GPIB_IX, day60OpticalDensity)), DAY0);

        assertEquals(allNegative, assessment.allNegativeAfterInfusion());
        assertEquals(sinceDay == null ? null : day(sinceDay), assessment.allNegativeSince());
    }

    @Test
    void resultsNeedNotComeInDateOrder() {
        TargetCourse course = evaluator.evaluate(List.of(result(60, GpTarget.GPIIB_IIIA, "0.10"),
                result(-5, GpTarget.GPIIB_IIIA, "0.41"), result(30, GpTarget.GPIIB_IIIA, "0.12")), DAY0)
                .targets().get(0);

        assertEquals(List.of(day(-5), day(30), day(60)),
                course.series().stream().map(TargetCourse.Reading::date).toList());
        assertEquals(AntibodyStatus.POSITIVE, course.baseline());
        assertEquals(day(30), course.negativeSince());
    }

    @Test
    void rejectsProgrammingErrors() {
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(null, DAY0)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> evaluator.evaluate(Arrays.asList(result(1, GpTarget.GPIB_IX, "0.1"), null), DAY0)),
                () -> assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(List.of(), null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new AutoantibodyResult(DAY0, GpTarget.GPIB_IX, new BigDecimal("-0.01"), new BigDecimal("0.3"))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new AutoantibodyResult(DAY0, GpTarget.GPIB_IX, new BigDecimal("0.1"), BigDecimal.ZERO)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new AutoantibodyResult(DAY0, null, new BigDecimal("0.1"), new BigDecimal("0.3"))));
    }

    private static LocalDate day(int studyDay) {
        return DAY0.plusDays(studyDay);
    }

    /** A result against the cut-off 0.30. */
    private static AutoantibodyResult result(int studyDay, GpTarget target, String opticalDensity) {
        return new AutoantibodyResult(day(studyDay), target, new BigDecimal(opticalDensity), new BigDecimal("0.30"));
    }
}
