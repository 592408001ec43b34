package org.celltrial.safety.crs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.celltrial.safety.grading.GradedObservation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ASTCT consensus CRS grading (Lee DW et al., Biol Blood Marrow Transplant 2019;25:625-638). */
class CrsGraderTest {

    private static final Instant AT = Instant.parse("2025-03-03T08:00:00Z");

    private final CrsGrader grader = new CrsGrader();

    @ParameterizedTest(name = "{0} °C, {1}, {2}, masked {3} → {4}")
    @CsvSource(delimiter = '|', value = {
            // Fever: 38.0 °C or more, just below / at / just above.
            "37.99 | NONE                  | NONE              | false | 0 | ASTCT CRS grade 0: no fever",
            "38.0  | NONE                  | NONE              | false | 1 | ASTCT CRS grade 1: fever alone",
            "38.01 | NONE                  | NONE              | false | 1 | ASTCT CRS grade 1: fever alone",
            // Worked case: 38.6 °C, no hypotension, no oxygen.
            "38.6  | NONE                  | NONE              | false | 1 | ASTCT CRS grade 1: fever alone",
            // Worked case: fever with low-flow oxygen (4 L/min).
            "38.6  | NONE                  | LOW_FLOW          | false | 2 | ASTCT CRS grade 2: low-flow oxygen (≤ 6 L/min nasal cannula or blow-by)",
            "38.6  | NO_VASOPRESSOR        | NONE              | false | 2 | ASTCT CRS grade 2: hypotension not requiring vasopressors",
            "38.6  | ONE_VASOPRESSOR       | NONE              | false | 3 | ASTCT CRS grade 3: hypotension requiring one vasopressor",
            "38.6  | NONE                  | HIGH_FLOW         | false | 3 | ASTCT CRS grade 3: high-flow oxygen (> 6 L/min nasal cannula, face mask, non-rebreather or Venturi mask)",
            "38.6  | MULTIPLE_VASOPRESSORS | NONE              | false | 4 | ASTCT CRS grade 4: hypotension requiring multiple vasopressors",
            "38.6  | NONE                  | POSITIVE_PRESSURE | false | 4 | ASTCT CRS grade 4: positive-pressure ventilation (CPAP, BiPAP or mechanical ventilation)",
            // The worse of hypotension and hypoxia decides; both are named when both reach it.
            "38.6  | ONE_VASOPRESSOR       | LOW_FLOW          | false | 3 | ASTCT CRS grade 3: hypotension requiring one vasopressor",
            "38.6  | NO_VASOPRESSOR        | POSITIVE_PRESSURE | false | 4 | ASTCT CRS grade 4: positive-pressure ventilation (CPAP, BiPAP or mechanical ventilation)",
            "38.6  | NO_VASOPRESSOR        | LOW_FLOW          | false | 2 | ASTCT CRS grade 2: hypotension not requiring vasopressors and low-flow oxygen (≤ 6 L/min nasal cannula or blow-by)",
            // Worked case: 37.9 °C with one vasopressor, never masked, is no CRS.
            "37.9  | ONE_VASOPRESSOR       | NONE              | false | 0 | ASTCT CRS grade 0: no fever",
            "37.9  | NONE                  | POSITIVE_PRESSURE | false | 0 | ASTCT CRS grade 0: no fever",
            // Masked: fever no longer needed for grades 2–4, but grade 1 is fever itself.
            "37.2  | ONE_VASOPRESSOR       | NONE              | true  | 3 | ASTCT CRS grade 3: hypotension requiring one vasopressor (fever masked by tocilizumab/antipyretic)",
            "37.2  | NONE                  | LOW_FLOW          | true  | 2 | ASTCT CRS grade 2: low-flow oxygen (≤ 6 L/min nasal cannula or blow-by) (fever masked by tocilizumab/antipyretic)",
            "37.2  | MULTIPLE_VASOPRESSORS | NONE              | true  | 4 | ASTCT CRS grade 4: hypotension requiring multiple vasopressors (fever masked by tocilizumab/antipyretic)",
            "37.2  | NONE                  | NONE              | true  | 0 | ASTCT CRS grade 0: no hypotension or hypoxia (fever masked by tocilizumab/antipyretic)",
            "38.2  | NONE                  | NONE              | true  | 1 | ASTCT CRS grade 1: fever alone",
            "38.2  | ONE_VASOPRESSOR       | NONE              | true  | 3 | ASTCT CRS grade 3: hypotension requiring one vasopressor",
    })
    void gradesByTheWorseOfHypotensionAndHypoxia(BigDecimal temperatureC, Hypotension hypotension,
            OxygenSupport oxygen, boolean feverMasked, int grade, String rule) {
        GradedObservation graded = grader.grade(vitals(AT, temperatureC, hypotension, oxygen, false), feverMasked);

        assertAll(
                () -> assertEquals(grade, graded.grade()),
                () -> assertEquals(rule, graded.rule()),
                () -> assertEquals(AT, graded.at()));
    }

    @Test
    void explainsTheValues() {
        assertEquals("temperature 38.6 °C (fever, ≥ 38.0 °C); no hypotension; low-flow oxygen (≤ 6 L/min nasal "
                        + "cannula or blow-by)",
                grader.grade(vitals(AT, "38.6", Hypotension.NONE, OxygenSupport.LOW_FLOW, false), false)
                        .explanation());
        assertEquals("temperature 37.2 °C (no fever, < 38.0 °C), antipyretic or anti-cytokine therapy given at or "
                        + "before this observation; hypotension requiring one vasopressor; no oxygen",
                grader.grade(vitals(AT, "37.2", Hypotension.ONE_VASOPRESSOR, OxygenSupport.NONE, false), true)
                        .explanation());
    }

    @Test
    void workedCaseAntipyreticEarlierThenAfebrileOnOneVasopressor() {
        List<GradedObservation> graded = grader.gradeAll(List.of(
                vitals(AT, "38.9", Hypotension.NONE, OxygenSupport.NONE, true),
                vitals(AT.plusSeconds(3600), "37.4", Hypotension.NONE, OxygenSupport.NONE, false),
                vitals(AT.plusSeconds(7200), "37.2", Hypotension.ONE_VASOPRESSOR, OxygenSupport.NONE, false)));

        assertEquals(List.of(1, 0, 3), graded.stream().map(GradedObservation::grade).toList());
        assertEquals("ASTCT CRS grade 3: hypotension requiring one vasopressor (fever masked by "
                + "tocilizumab/antipyretic)", graded.get(2).rule());
    }

    @Test
    void neverMaskedAfebrileHypotensionIsNoCrs() {
        List<GradedObservation> graded = grader.gradeAll(List.of(
                vitals(AT, "37.9", Hypotension.ONE_VASOPRESSOR, OxygenSupport.NONE, false)));

        assertEquals(0, graded.get(0).grade());
        assertEquals("ASTCT CRS grade 0: no fever", graded.get(0).rule());
    }

    @Test
    void maskingStartsWithTheObservationThatRecordsTheTherapy() {
        List<GradedObservation> graded = grader.gradeAll(List.of(
                vitals(AT, "37.5", Hypotension.NO_VASOPRESSOR, OxygenSupport.NONE, false),
                vitals(AT.plusSeconds(3600), "37.5", Hypotension.NO_VASOPRESSOR, OxygenSupport.NONE, true),
                vitals(AT.plusSeconds(7200), "37.5", Hypotension.NO_VASOPRESSOR, OxygenSupport.NONE, false)));

        assertEquals(List.of(0, 2, 2), graded.stream().map(GradedObservation::grade).toList());
    }

    @Test
    void simultaneousObservationsAreInOrder() {
        List<GradedObservation> graded = grader.gradeAll(List.of(
                vitals(AT, "38.1", Hypotension.NONE, OxygenSupport.NONE, false),
                vitals(AT, "38.1", Hypotension.NONE, OxygenSupport.HIGH_FLOW, false)));

        assertEquals(List.of(1, 3), graded.stream().map(GradedObservation::grade).toList());
    }

    @Test
    void rejectsProgrammingErrors() {
        VitalsObservation later = vitals(AT.plusSeconds(60), "38.1", Hypotension.NONE, OxygenSupport.NONE, false);
        VitalsObservation earlier = vitals(AT, "38.1", Hypotension.NONE, OxygenSupport.NONE, false);
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> grader.grade(null, false)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.gradeAll(null)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.gradeAll(Arrays.asList(earlier, null))),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.gradeAll(List.of(later, earlier))));
    }

    @ParameterizedTest(name = "{0} °C is accepted: {1}")
    @CsvSource({
            "24.9, false",
            "25,   true",
            "45,   true",
            "45.1, false",
    })
    void vitalsTakeOnlyPlausibleCelsius(String temperatureC, boolean accepted) {
        if (accepted) {
            assertEquals(new BigDecimal(temperatureC),
                    vitals(AT, temperatureC, Hypotension.NONE, OxygenSupport.NONE, false).temperatureC());
        } else {
            assertThrows(IllegalArgumentException.class,
                    () -> vitals(AT, temperatureC, Hypotension.NONE, OxygenSupport.NONE, false));
        }
    }

    @Test
    void vitalsRejectMissingValues() {
        BigDecimal temperature = new BigDecimal("37.0");
        assertAll(
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new VitalsObservation(null, temperature, Hypotension.NONE, OxygenSupport.NONE, false)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new VitalsObservation(AT, null, Hypotension.NONE, OxygenSupport.NONE, false)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new VitalsObservation(AT, temperature, null, OxygenSupport.NONE, false)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new VitalsObservation(AT, temperature, Hypotension.NONE, null, false)));
    }

    private static VitalsObservation vitals(Instant at, String temperatureC, Hypotension hypotension,
            OxygenSupport oxygen, boolean antipyreticOrAntiCytokine) {
        return vitals(at, new BigDecimal(temperatureC), hypotension, oxygen, antipyreticOrAntiCytokine);
    }

    private static VitalsObservation vitals(Instant at, BigDecimal temperatureC, Hypotension hypotension,
            OxygenSupport oxygen, boolean antipyreticOrAntiCytokine) {
        return new VitalsObservation(at, temperatureC, hypotension, oxygen, antipyreticOrAntiCytokine);
    }
}
