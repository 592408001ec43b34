package org.celltrial.efficacy.bcell;

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

/** docs/clinical-rules.md, Other efficacy measures: B-cell aplasia below 1 CD19⁺ cell/µL by default. */
class BCellDepletionEvaluatorTest {

    private static final LocalDate DAY0 = LocalDate.parse("2025-02-01");
    private static final BigDecimal ONE_PER_UL = BigDecimal.ONE;

    private final BCellDepletionEvaluator evaluator = new BCellDepletionEvaluator();

    @ParameterizedTest(name = "{0} /µL on day 14 is aplasia: {1}")
    @CsvSource({
            "0,    true",
            "0.99, true",
            "1,    false",
            "1.01, false",
    })
    void aplasiaIsStrictlyBelowTheThreshold(BigDecimal cd19PerUl, boolean aplasia) {
        BCellAssessment assessment = evaluator.evaluate(List.of(new BCellCount(day(14), cd19PerUl)), DAY0, ONE_PER_UL);

        assertEquals(aplasia ? 14 : null, assessment.aplasiaFromDay());
        assertEquals(aplasia ? day(14) : null, assessment.aplasiaFrom());
        assertEquals(aplasia, assessment.aplasiaSustained());
    }

    @Test
    void aplasiaThenAConfirmedRecovery() {
        BCellAssessment assessment = evaluator.evaluate(List.of(count(-7, "150"), count(7, "12"), count(14, "0.4"),
                count(90, "0.2"), count(180, "3.2"), count(270, "25")), DAY0, ONE_PER_UL);

        assertAll(
                () -> assertEquals(14, assessment.aplasiaFromDay()),
                () -> assertEquals(day(14), assessment.aplasiaFrom()),
                () -> assertEquals(180, assessment.recoveredOnDay()),
                () -> assertEquals(day(180), assessment.recoveredOn()),
                () -> assertFalse(assessment.aplasiaSustained()),
                () -> assertEquals(ONE_PER_UL, assessment.aplasiaThresholdPerUl()),
                () -> assertEquals("Aplasia from 0.4 /µL on 2025-02-15 (day 14) < 1 /µL; recovery from 3.2 /µL on "
                        + "2025-07-31 (day 180) ≥ 1 /µL, confirmed by the next count, 25 /µL on 2025-10-29 (day 270)",
                        assessment.explanation()));
    }

    @ParameterizedTest(name = "after aplasia, {0} then {1} /µL: recovered {2}")
    @CsvSource({
            "1,    1,    true",
            "1,    0.99, false",
            "0.99, 1,    false",
    })
    void recoveryNeedsTheNextCountAtOrAboveTheThresholdToo(BigDecimal candidate, BigDecimal next, boolean recovered) {
        BCellAssessment assessment = evaluator.evaluate(List.of(count(14, "0"), new BCellCount(day(90), candidate),
                new BCellCount(day(120), next)), DAY0, ONE_PER_UL);

        assertEquals(recovered ? 90 : null, assessment.recoveredOnDay());
        assertEquals(!recovered, assessment.aplasiaSustained());
    }

    @Test
    void aReboundFollowedByALowCountIsNoRecovery() {
        BCellAssessment assessment = evaluator.evaluate(List.of(count(14, "0.1"), count(60, "2"), count(90, "0.3"),
                count(120, "4"), count(150, "6")), DAY0, ONE_PER_UL);

        assertEquals(120, assessment.recoveredOnDay());
        assertTrue(assessment.explanation().contains("; 2 /µL on 2025-04-02 (day 60) ≥ 1 /µL is no recovery: the next "
                + "count, 0.3 /µL on 2025-05-02 (day 90), is below; "), assessment.explanation());
    }

    @Test
    void anUnconfirmedLastCountIsNotARecoveryYet() {
        BCellAssessment assessment = evaluator.evaluate(List.of(count(14, "0.1"), count(90, "0.2"), count(180, "5")),
                DAY0, ONE_PER_UL);

        assertNull(assessment.recoveredOn());
        assertTrue(assessment.aplasiaSustained());
        assertEquals("Aplasia from 0.1 /µL on 2025-02-15 (day 14) < 1 /µL; 5 /µL on 2025-07-31 (day 180) ≥ 1 /µL is "
                + "the last count: not a recovery yet, until the next count confirms it; aplasia sustained: no "
                + "confirmed recovery up to the last count, 5 /µL on 2025-07-31 (day 180)", assessment.explanation());
    }

    @Test
    void sustainedAplasiaUpToTheLastCount() {
        BCellAssessment assessment = evaluator.evaluate(List.of(count(7, "3"), count(14, "0.5"), count(90, "0")),
                DAY0, ONE_PER_UL);

        assertEquals(14, assessment.aplasiaFromDay());
        assertTrue(assessment.aplasiaSustained());
        assertTrue(assessment.explanation().endsWith("aplasia sustained: no confirmed recovery up to the last count, "
                + "0 /µL on 2025-05-02 (day 90)"), assessment.explanation());
    }

    @ParameterizedTest(name = "a count of 0 on study day {0} starts aplasia: {1}")
    @CsvSource({
            "-1, false",
            "0,  false",
            "1,  true",
    })
    void onlyCountsAfterDay0Count(int studyDay, boolean aplasia) {
        BCellAssessment assessment = evaluator.evaluate(List.of(count(studyDay, "0"), count(30, "5")), DAY0,
                ONE_PER_UL);

        assertEquals(aplasia ? studyDay : null, assessment.aplasiaFromDay());
    }

    @Test
    void withoutACountBelowTheThresholdThereIsNoAplasia() {
        BCellAssessment assessment = evaluator.evaluate(List.of(count(7, "3"), count(14, "1")), DAY0, ONE_PER_UL);

        assertNull(assessment.aplasiaFrom());
        assertFalse(assessment.aplasiaSustained());
        assertEquals("No count after Day 0 below 1 /µL: no B-cell aplasia (2 counts)", assessment.explanation());
    }

    @Test
    void withoutACountAfterDay0ThereIsNothingToAssess() {
        BCellAssessment assessment = evaluator.evaluate(List.of(count(-3, "0")), DAY0, ONE_PER_UL);

        assertNull(assessment.aplasiaFrom());
        assertFalse(assessment.aplasiaSustained());
        assertEquals("No CD19 count after Day 0 (2025-02-01)", assessment.explanation());
    }

    @Test
    void theThresholdIsTheProtocols() {
        BCellAssessment assessment = evaluator.evaluate(List.of(count(14, "4"), count(28, "5"), count(60, "6")), DAY0,
                BigDecimal.valueOf(5));

        assertEquals(14, assessment.aplasiaFromDay());
        assertEquals(28, assessment.recoveredOnDay());
    }

    @Test
    void countsNeedNotComeInDateOrder() {
        BCellAssessment assessment = evaluator.evaluate(List.of(count(180, "3"), count(14, "0.4"), count(270, "9")),
                DAY0, ONE_PER_UL);

        assertEquals(14, assessment.aplasiaFromDay());
        assertEquals(180, assessment.recoveredOnDay());
    }

    @Test
    void rejectsProgrammingErrors() {
        List<BCellCount> counts = List.of(count(14, "0"));
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(null, DAY0, ONE_PER_UL)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> evaluator.evaluate(Arrays.asList(count(14, "0"), null), DAY0, ONE_PER_UL)),
                () -> assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(counts, null, ONE_PER_UL)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> evaluator.evaluate(counts, DAY0, BigDecimal.ZERO)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> evaluator.evaluate(List.of(count(14, "0"), count(14, "1")), DAY0, ONE_PER_UL)),
                () -> assertThrows(IllegalArgumentException.class, () -> count(14, "-0.1")));
    }

    private static LocalDate day(int studyDay) {
        return DAY0.plusDays(studyDay);
    }

    private static BCellCount count(int studyDay, String cd19PerUl) {
        return new BCellCount(day(studyDay), new BigDecimal(cd19PerUl));
    }
}
