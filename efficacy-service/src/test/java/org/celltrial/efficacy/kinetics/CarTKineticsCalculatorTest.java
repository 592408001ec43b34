package org.celltrial.efficacy.kinetics;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs/clinical-rules.md, CAR-T kinetics: qPCR, AUC by the linear trapezoidal rule, AUC₀₋₂₈ only when the
 * samples reach day 28. The LLOQ is 20 copies/µg DNA throughout.
 */
class CarTKineticsCalculatorTest {

    private static final LocalDate DAY0 = LocalDate.parse("2025-02-01");
    private static final BigDecimal LLOQ = BigDecimal.valueOf(20);

    private final CarTKineticsCalculator calculator = new CarTKineticsCalculator();

    /**
     * A curve peaking on day 10, with no day-0 sample, day 1 below the LLOQ, day 28 not sampled and a last
     * detectable value on day 35. By hand (copies/µg DNA × days):
     * <pre>
     * day 0 (not sampled)  0
     * day 1 (10 &lt; LLOQ)  0
     * [0, 1]    1 × (0 + 0) / 2         =      0
     * [1, 4]    3 × (0 + 400) / 2       =    600
     * [4, 7]    3 × (400 + 3000) / 2    =   5100
     * [7, 10]   3 × (3000 + 12000) / 2  =  22500
     * [10, 14]  4 × (12000 + 5000) / 2  =  34000
     * [14, 21]  7 × (5000 + 1000) / 2   =  21000
     * day 28 = 1000 + (300 − 1000) × (28 − 21) / (35 − 21) = 650
     * [21, 28]  7 × (1000 + 650) / 2    =   5775
     * AUC₀₋₂₈                             = 88975
     * </pre>
     */
    @Test
    void curvePeakingOnDay10() {
        KineticsSummary summary = calculator.summarise(List.of(sample(1, "10"), sample(4, "400"), sample(7, "3000"),
                sample(10, "12000"), sample(14, "5000"), sample(21, "1000"), sample(35, "300"), sample(60, "15")),
                DAY0, LLOQ);

        assertAll(
                () -> assertEquals(new BigDecimal("12000"), summary.cmax()),
                () -> assertEquals(10, summary.tmaxDay()),
                () -> assertEquals(0, new BigDecimal("88975").compareTo(summary.auc0to28()), summary.auc0to28()::toString),
                () -> assertNull(summary.auc0toLast()),
                () -> assertTrue(summary.day28Interpolated()),
                () -> assertEquals(60, summary.lastSampleDay()),
                () -> assertEquals(35, summary.lastDetectableDay()),
                () -> assertEquals(CarTKineticsCalculator.VERSION, summary.engine()),
                () -> assertEquals("Cmax 12000 copies/µg DNA on day 10 (Tmax); "
                        + "AUC₀₋₂₈ 88975 copies/µg DNA × days by the linear trapezoidal rule over days 0, 1, 4, 7, 10, "
                        + "14, 21, 28; "
                        + "no day-0 sample: taken as 0 (CAR-T not yet expanded); "
                        + "day 28 not sampled: 650 interpolated between day 21 (1000) and day 35 (300); "
                        + "values below the LLOQ 20 counted as 0 (a convention), on day 1; "
                        + "last detectable on day 35 (300 ≥ the LLOQ 20)", summary.explanation()));
    }

    @ParameterizedTest(name = "a single value of {0} on day 7: Cmax {1}")
    @CsvSource({
            "19.9, ",
            "20,   20",
            "20.1, 20.1",
    })
    void onlyValuesAtOrAboveTheLloqCanBeCmax(BigDecimal value, BigDecimal cmax) {
        KineticsSummary summary = calculator.summarise(List.of(new KineticsSample(DAY0.plusDays(7), value)), DAY0, LLOQ);

        assertEquals(cmax, summary.cmax());
        assertEquals(cmax == null ? null : 7, summary.tmaxDay());
        assertEquals(cmax == null ? null : 7, summary.lastDetectableDay());
    }

    @Test
    void allBelowTheLloqHasNoCmaxButAnAucOfZero() {
        KineticsSummary summary = calculator.summarise(List.of(sample(7, "5"), sample(14, "19.9"), sample(28, "3")),
                DAY0, LLOQ);

        assertNull(summary.cmax());
        assertNull(summary.tmaxDay());
        assertNull(summary.lastDetectableDay());
        assertEquals(0, BigDecimal.ZERO.compareTo(summary.auc0to28()));
        assertTrue(summary.explanation().startsWith("No value at or above the LLOQ 20: no Cmax or Tmax; "));
        assertTrue(summary.explanation().endsWith("; never at or above the LLOQ 20"));
    }

    @Test
    void theEarliestOfEqualPeaksIsTmax() {
        KineticsSummary summary = calculator.summarise(List.of(sample(7, "900"), sample(10, "900"), sample(14, "500")),
                DAY0, LLOQ);

        assertEquals(7, summary.tmaxDay());
    }

    @Test
    void aDay28SampleEndsTheAucAndLaterOnesDoNotCount() {
        // [0, 7] 7 × (100 + 700) / 2 = 2800; [7, 28] 21 × (700 + 100) / 2 = 8400; AUC 11200
        KineticsSummary summary = calculator.summarise(
                List.of(sample(0, "100"), sample(7, "700"), sample(28, "100"), sample(35, "5000")), DAY0, LLOQ);

        assertEquals(0, new BigDecimal("11200").compareTo(summary.auc0to28()));
        assertFalse(summary.day28Interpolated());
        assertEquals(new BigDecimal("5000"), summary.cmax());
        assertEquals(35, summary.tmaxDay());
        assertFalse(summary.explanation().contains("day-0 sample"), summary.explanation());
    }

    /**
     * Samples on day 0 (0), day 20 (800) and a last one falling by 50 a day from day 20: 450 on day 27, 400 on day
     * 28, 350 on day 29. [0, 20] 20 × (0 + 800) / 2 = 8000, then:
     * <pre>
     * last on day 27: [20, 27] 7 × (800 + 450) / 2 = 4375, AUC₀₋last 12375, no AUC₀₋₂₈
     * last on day 28: [20, 28] 8 × (800 + 400) / 2 = 4800, AUC₀₋₂₈ 12800
     * last on day 29: day 28 = 800 + (350 − 800) × 8 / 9 = 400, the same AUC₀₋₂₈ 12800, interpolated
     * </pre>
     */
    @ParameterizedTest(name = "last sample on day {0}: AUC₀₋₂₈ {2}, AUC₀₋last {3}, day 28 interpolated {4}")
    @CsvSource({
            "27, 450, ,      12375, false",
            "28, 400, 12800,      , false",
            "29, 350, 12800,      , true",
    })
    void auc0to28OnlyWhenTheSamplesReachDay28(int lastDay, String lastValue, BigDecimal auc0to28,
            BigDecimal auc0toLast, boolean day28Interpolated) {
        KineticsSummary summary = calculator.summarise(
                List.of(sample(0, "0"), sample(20, "800"), sample(lastDay, lastValue)), DAY0, LLOQ);

        assertAll(
                () -> assertSameAmount(auc0to28, summary.auc0to28(), "auc0to28"),
                () -> assertSameAmount(auc0toLast, summary.auc0toLast(), "auc0toLast"),
                () -> assertEquals(day28Interpolated, summary.day28Interpolated()),
                () -> assertEquals(lastDay, summary.lastSampleDay()),
                () -> assertEquals(lastDay, summary.lastDetectableDay()));
    }

    @Test
    void samplesStoppingBeforeDay28GiveAnAucToTheLastSampleOnly() {
        // [0, 7] 7 × (0 + 700) / 2 = 2450; [7, 21] 14 × (700 + 100) / 2 = 5600; AUC₀₋last 8050
        KineticsSummary summary = calculator.summarise(List.of(sample(7, "700"), sample(21, "100")), DAY0, LLOQ);

        assertAll(
                () -> assertNull(summary.auc0to28()),
                () -> assertEquals(0, new BigDecimal("8050").compareTo(summary.auc0toLast())),
                () -> assertEquals(21, summary.lastSampleDay()),
                () -> assertFalse(summary.day28Interpolated()),
                () -> assertEquals("Cmax 700 copies/µg DNA on day 7 (Tmax); "
                        + "AUC₀₋last 8050 copies/µg DNA × days by the linear trapezoidal rule over days 0, 7, 21; "
                        + "no AUC₀₋₂₈: the samples stop on day 21, before day 28; "
                        + "no day-0 sample: taken as 0 (CAR-T not yet expanded); "
                        + "last detectable on day 21 (100 ≥ the LLOQ 20)", summary.explanation()));
    }

    @Test
    void aLastSampleBelowTheLloqIsStillTheLastSample() {
        // [0, 7] 7 × (0 + 700) / 2 = 2450; [7, 21] 14 × (700 + 0) / 2 = 4900; AUC₀₋last 7350
        KineticsSummary summary = calculator.summarise(List.of(sample(7, "700"), sample(21, "5")), DAY0, LLOQ);

        assertAll(
                () -> assertEquals(0, new BigDecimal("7350").compareTo(summary.auc0toLast())),
                () -> assertEquals(21, summary.lastSampleDay()),
                () -> assertEquals(7, summary.lastDetectableDay()));
    }

    @Test
    void aDay0SampleAloneHasAnAucOfZeroToDay0() {
        KineticsSummary summary = calculator.summarise(List.of(sample(0, "30")), DAY0, LLOQ);

        assertAll(
                () -> assertNull(summary.auc0to28()),
                () -> assertEquals(0, BigDecimal.ZERO.compareTo(summary.auc0toLast())),
                () -> assertEquals(0, summary.lastSampleDay()));
    }

    @Test
    void aFirstSampleAfterDay28InterpolatesDay28FromDay0() {
        // day 0 taken as 0; day 28 = 700 × 28 / 35 = 560; AUC₀₋₂₈ 28 × (0 + 560) / 2 = 7840
        KineticsSummary summary = calculator.summarise(List.of(sample(35, "700")), DAY0, LLOQ);

        assertAll(
                () -> assertEquals(0, new BigDecimal("7840").compareTo(summary.auc0to28())),
                () -> assertNull(summary.auc0toLast()),
                () -> assertTrue(summary.day28Interpolated()),
                () -> assertEquals(35, summary.lastSampleDay()));
    }

    @ParameterizedTest(name = "day-0 value {0}: AUC {1}")
    @CsvSource({
            // [0, 7] 7 × (c0 + 700) / 2, [7, 28] 21 × (700 + 100) / 2 = 8400
            "0,    10850",
            "19.9, 10850",
            "20,   10920",
    })
    void aDay0SampleBelowTheLloqCountsAsZero(String day0Value, BigDecimal auc) {
        KineticsSummary summary = calculator.summarise(
                List.of(sample(0, day0Value), sample(7, "700"), sample(28, "100")), DAY0, LLOQ);

        assertEquals(0, auc.compareTo(summary.auc0to28()), summary.auc0to28()::toString);
    }

    @Test
    void interpolationKeepsSixteenSignificantDigits() {
        // day 28 = 1000 × (34 − 28) / (34 − 21) = 6000 / 13; AUC = 7 × (1000 + 6000/13) / 2 + [0, 21] 21 × 1000 / 2
        KineticsSummary summary = calculator.summarise(List.of(sample(0, "0"), sample(21, "1000"), sample(34, "0")),
                DAY0, LLOQ);

        BigDecimal day28 = new BigDecimal("6000").divide(new BigDecimal("13"), MathContext.DECIMAL64);
        BigDecimal expected = new BigDecimal("10500")
                .add(new BigDecimal("1000").add(day28).multiply(BigDecimal.valueOf(7)).divide(BigDecimal.valueOf(2)));
        assertEquals(0, expected.compareTo(summary.auc0to28()), summary.auc0to28()::toString);
        assertTrue(summary.day28Interpolated());
    }

    @Test
    void samplesBeforeDay0AreIgnored() {
        KineticsSummary summary = calculator.summarise(List.of(sample(-2, "50000"), sample(7, "700"), sample(28, "100")),
                DAY0, LLOQ);

        assertEquals(new BigDecimal("700"), summary.cmax());
        assertTrue(summary.explanation().startsWith("1 sample before Day 0 ignored: no CAR-T before the infusion; "),
                summary.explanation());
    }

    @Test
    void withoutASampleFromDay0OnThereIsNothingToSummarise() {
        KineticsSummary none = calculator.summarise(List.of(), DAY0, LLOQ);
        KineticsSummary onlyBefore = calculator.summarise(List.of(sample(-1, "0")), DAY0, LLOQ);

        for (KineticsSummary summary : List.of(none, onlyBefore)) {
            assertNull(summary.cmax());
            assertNull(summary.auc0to28());
            assertNull(summary.auc0toLast());
            assertNull(summary.lastSampleDay());
            assertNull(summary.lastDetectableDay());
            assertFalse(summary.day28Interpolated());
            assertEquals(CarTKineticsCalculator.VERSION, summary.engine());
            assertTrue(summary.explanation().endsWith("No sample on or after Day 0: no Cmax, Tmax, AUC or persistence"));
        }
    }

    @Test
    void samplesNeedNotComeInDateOrder() {
        KineticsSummary summary = calculator.summarise(List.of(sample(28, "100"), sample(0, "100"), sample(7, "700")),
                DAY0, LLOQ);

        assertEquals(0, new BigDecimal("11200").compareTo(summary.auc0to28()));
        assertEquals(28, summary.lastDetectableDay());
    }

    @Test
    void rejectsProgrammingErrors() {
        List<KineticsSample> samples = List.of(sample(7, "700"));
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> calculator.summarise(null, DAY0, LLOQ)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> calculator.summarise(Arrays.asList(sample(7, "700"), null), DAY0, LLOQ)),
                () -> assertThrows(IllegalArgumentException.class, () -> calculator.summarise(samples, null, LLOQ)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> calculator.summarise(samples, DAY0, BigDecimal.ZERO)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> calculator.summarise(List.of(sample(7, "700"), sample(7, "650")), DAY0, LLOQ)),
                () -> assertThrows(IllegalArgumentException.class, () -> sample(7, "-1")));
    }

    @ParameterizedTest(name = "last sample on day {0}, auc0to28 {1}, auc0toLast {2}: refused")
    @CsvSource({
            "27, 100, 100",
            "27, 100,    ",
            "28,    , 100",
            "28, 100, 100",
            "28,    ,    ",
            "  , 100,    ",
    })
    void aSummaryHasTheOneAucItsLastSampleDayGives(Integer lastSampleDay, BigDecimal auc0to28, BigDecimal auc0toLast) {
        assertThrows(IllegalArgumentException.class, () -> new KineticsSummary(null, null, auc0to28, auc0toLast,
                lastSampleDay, null, false, CarTKineticsCalculator.VERSION, "explained"));
    }

    private static void assertSameAmount(BigDecimal expected, BigDecimal actual, String name) {
        if (expected == null) {
            assertNull(actual, name);
        } else {
            assertEquals(0, expected.compareTo(actual), name + " was " + actual);
        }
    }

    private static KineticsSample sample(int studyDay, String copiesPerUgDna) {
        return new KineticsSample(DAY0.plusDays(studyDay), new BigDecimal(copiesPerUgDna));
    }
}
