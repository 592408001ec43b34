package org.celltrial.safety.crs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.celltrial.safety.grading.GradedObservation;
import org.celltrial.safety.grading.StudyClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ASTCT consensus CRS grading (Lee DW et al., Biol Blood Marrow Transplant 2019;25:625-638; docs/clinical-rules.md,
 * CRS): fever, the worse of hypotension and hypoxia, the Day 0 window, the episode's fever waiver, attributions.
 */
class CrsGraderTest {

    private static final Instant AT = Instant.parse("2025-03-03T08:00:00Z");

    /** Infused two days before {@link #AT}. */
    private static final StudyClock CLOCK = new StudyClock(LocalDate.parse("2025-03-01"), ZoneOffset.UTC);
    private static final Duration WINDOW = Duration.ofHours(24);

    private final CrsGrader grader = new CrsGrader(WINDOW);

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
            "37.2  | ONE_VASOPRESSOR       | NONE              | true  | 3 | ASTCT CRS grade 3: hypotension requiring one vasopressor (fever waived: antipyretic or anti-cytokine therapy during this CRS episode)",
            "37.2  | NONE                  | LOW_FLOW          | true  | 2 | ASTCT CRS grade 2: low-flow oxygen (≤ 6 L/min nasal cannula or blow-by) (fever waived: antipyretic or anti-cytokine therapy during this CRS episode)",
            "37.2  | MULTIPLE_VASOPRESSORS | NONE              | true  | 4 | ASTCT CRS grade 4: hypotension requiring multiple vasopressors (fever waived: antipyretic or anti-cytokine therapy during this CRS episode)",
            "37.2  | NONE                  | NONE              | true  | 0 | ASTCT CRS grade 0: no hypotension or hypoxia (fever waived: antipyretic or anti-cytokine therapy during this CRS episode)",
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
        assertEquals("temperature 37.2 °C (no fever, < 38.0 °C); fever waived: antipyretic or anti-cytokine therapy "
                        + "during this CRS episode; hypotension requiring one vasopressor; no oxygen",
                grader.grade(vitals(AT, "37.2", Hypotension.ONE_VASOPRESSOR, OxygenSupport.NONE, false), true)
                        .explanation());
    }

    @Test
    void workedCaseAntipyreticEarlierThenAfebrileOnOneVasopressor() {
        List<GradedObservation> graded = grader.gradeAll(List.of(
                vitals(AT, "38.9", Hypotension.NONE, OxygenSupport.NONE, true),
                vitals(AT.plusSeconds(3600), "37.4", Hypotension.NONE, OxygenSupport.NONE, false),
                vitals(AT.plusSeconds(7200), "37.2", Hypotension.ONE_VASOPRESSOR, OxygenSupport.NONE, false)), CLOCK);

        assertEquals(List.of(1, 0, 3), grades(graded));
        assertEquals("ASTCT CRS grade 3: hypotension requiring one vasopressor (fever waived: "
                + "antipyretic or anti-cytokine therapy during this CRS episode)", graded.get(2).rule());
    }

    @Test
    void neverMaskedAfebrileHypotensionIsNoCrs() {
        List<GradedObservation> graded = grader.gradeAll(List.of(
                vitals(AT, "37.9", Hypotension.ONE_VASOPRESSOR, OxygenSupport.NONE, false)), CLOCK);

        assertEquals(0, graded.get(0).grade());
        assertEquals("ASTCT CRS grade 0: no fever", graded.get(0).rule());
    }

    @Test
    void therapyOutsideACrsEpisodeWaivesNothing() {
        List<GradedObservation> graded = grader.gradeAll(List.of(
                vitals(AT, "37.5", Hypotension.NO_VASOPRESSOR, OxygenSupport.NONE, false),
                vitals(AT.plusSeconds(3600), "37.5", Hypotension.NO_VASOPRESSOR, OxygenSupport.NONE, true),
                vitals(AT.plusSeconds(7200), "37.5", Hypotension.NO_VASOPRESSOR, OxygenSupport.NONE, false)), CLOCK);

        assertEquals(List.of(0, 0, 0), grades(graded));
    }

    @Test
    void theWaiverStartsWithTheObservationOfTheEpisodeThatRecordsTheTherapy() {
        List<GradedObservation> graded = grader.gradeAll(List.of(
                vitals(AT, "38.5", Hypotension.NONE, OxygenSupport.NONE, false),
                vitals(AT.plusSeconds(3600), "37.5", Hypotension.NO_VASOPRESSOR, OxygenSupport.NONE, false),
                vitals(AT.plusSeconds(7200), "37.5", Hypotension.NO_VASOPRESSOR, OxygenSupport.NONE, true),
                vitals(AT.plusSeconds(10800), "37.5", Hypotension.NO_VASOPRESSOR, OxygenSupport.NONE, false)), CLOCK);

        assertEquals(List.of(1, 0, 2, 2), grades(graded));
    }

    @Test
    void premedicationAtInfusionDoesNotMakeLaterAfebrileHypotensionCrs() {
        Instant infusion = Instant.parse("2025-03-01T09:00:00Z");
        List<GradedObservation> graded = grader.gradeAll(List.of(
                vitals(infusion, "36.8", Hypotension.NONE, OxygenSupport.NONE, true),
                vitals(infusion.plus(Duration.ofDays(60)), "37.1", Hypotension.ONE_VASOPRESSOR,
                        OxygenSupport.HIGH_FLOW, false)), CLOCK);

        assertEquals(List.of(0, 0), grades(graded));
        assertEquals("ASTCT CRS grade 0: no fever", graded.get(1).rule());
    }

    /** Fever with therapy at the onset, resolved by a grade-0 observation, then afebrile hypotension. */
    @ParameterizedTest(name = "afebrile hypotension {0} s after the last grade ≥ 1: grade {1}")
    @CsvSource({
            // The episode stays open up to the window after its last grade ≥ 1 observation, inclusive.
            "86399, 3",
            "86400, 3",
            "86401, 0",
    })
    void theWaiverEndsWhenTheEpisodeResolves(long secondsAfter, int grade) {
        List<GradedObservation> graded = grader.gradeAll(List.of(
                vitals(AT, "39.0", Hypotension.NONE, OxygenSupport.NONE, true),
                vitals(AT.plusSeconds(3600), "37.0", Hypotension.NONE, OxygenSupport.NONE, false),
                vitals(AT.plusSeconds(secondsAfter), "37.0", Hypotension.ONE_VASOPRESSOR, OxygenSupport.NONE,
                        false)), CLOCK);

        assertEquals(List.of(1, 0, grade), grades(graded));
    }

    @Test
    void aMonitoringGapWithoutAGradeZeroKeepsTheEpisodeAndItsWaiverOpen() {
        List<GradedObservation> graded = grader.gradeAll(List.of(
                vitals(AT, "39.0", Hypotension.NONE, OxygenSupport.NONE, true),
                vitals(AT.plus(Duration.ofHours(48)), "37.0", Hypotension.NO_VASOPRESSOR, OxygenSupport.NONE,
                        false)), CLOCK);

        assertEquals(List.of(1, 2), grades(graded));
    }

    @ParameterizedTest(name = "observed at {0}: {1}")
    @CsvSource({
            "2025-02-28T23:59:59Z, before infusion",
            "2025-03-01T00:00:00Z, ",
            "2025-03-01T00:00:01Z, ",
    })
    void onlyObservationsFromDay0OnAreGraded(String at, String reason) {
        GradedObservation graded = grader.gradeAll(List.of(
                vitals(Instant.parse(at), "38.5", Hypotension.NONE, OxygenSupport.NONE, false)), CLOCK).get(0);

        assertEquals(reason, graded.reason());
        assertEquals(reason == null ? Integer.valueOf(1) : null, graded.grade());
        if (reason != null) {
            assertEquals("CRS not graded: before infusion (graded from Day 0, the infusion, on)", graded.rule());
        }
    }

    @Test
    void aPatientNotInfusedIsNotGradedAndPreInfusionTherapyWaivesNothing() {
        List<VitalsObservation> observed = List.of(
                vitals(AT, "38.9", Hypotension.NONE, OxygenSupport.NONE, true),
                vitals(AT.plusSeconds(3600), "37.0", Hypotension.ONE_VASOPRESSOR, OxygenSupport.NONE, false));

        List<GradedObservation> notInfused = grader.gradeAll(observed,
                new StudyClock(null, ZoneOffset.UTC));
        assertEquals(Arrays.asList(null, null), grades(notInfused));
        assertEquals(List.of("not infused", "not infused"), notInfused.stream().map(GradedObservation::reason).toList());

        // Infused after both: the fever before Day 0 opened no episode, so the hypotension on Day 0 is no CRS.
        List<GradedObservation> infusedLater = grader.gradeAll(List.of(observed.get(0),
                vitals(AT.plus(Duration.ofDays(1)), "37.0", Hypotension.ONE_VASOPRESSOR, OxygenSupport.NONE, false)),
                new StudyClock(LocalDate.parse("2025-03-04"), ZoneOffset.UTC));
        assertEquals(Arrays.asList(null, 0), grades(infusedLater));
    }

    @ParameterizedTest(name = "{0} °C, {1}, {2}, attributed {3} to sepsis, fever waived → {4}")
    @CsvSource(delimiter = '|', value = {
            // Afebrile within an episode whose fever is waived: the attributed hypotension alone is no CRS.
            "37.2 | ONE_VASOPRESSOR | NONE      | HYPOTENSION | 0 | ASTCT CRS grade 0: no hypotension or hypoxia (fever waived: antipyretic or anti-cytokine therapy during this CRS episode) (hypotension attributed to sepsis, not counted towards CRS)",
            "38.6 | ONE_VASOPRESSOR | NONE      | HYPOTENSION | 1 | ASTCT CRS grade 1: fever alone (hypotension attributed to sepsis, not counted towards CRS)",
            "38.6 | ONE_VASOPRESSOR | LOW_FLOW  | HYPOTENSION | 2 | ASTCT CRS grade 2: low-flow oxygen (≤ 6 L/min nasal cannula or blow-by) (hypotension attributed to sepsis, not counted towards CRS)",
            "38.6 | ONE_VASOPRESSOR | HIGH_FLOW | HYPOXIA     | 3 | ASTCT CRS grade 3: hypotension requiring one vasopressor (hypoxia attributed to sepsis, not counted towards CRS)",
            "38.6 | ONE_VASOPRESSOR | HIGH_FLOW | BOTH        | 1 | ASTCT CRS grade 1: fever alone (hypotension and hypoxia attributed to sepsis, not counted towards CRS)",
    })
    void findingsAttributedToAnotherCauseDoNotCount(BigDecimal temperatureC, Hypotension hypotension,
            OxygenSupport oxygen, OtherCause attributed, int grade, String rule) {
        GradedObservation graded = grader.grade(
                new VitalsObservation(AT, temperatureC, hypotension, oxygen, false, attributed, "sepsis"), true);

        assertEquals(grade, graded.grade());
        assertEquals(rule, graded.rule());
    }

    @Test
    void anAttributionIsExplained() {
        assertEquals("temperature 37.2 °C (no fever, < 38.0 °C); hypotension requiring one vasopressor, attributed by "
                        + "the investigator to sepsis and not counted; no oxygen",
                grader.grade(new VitalsObservation(AT, new BigDecimal("37.2"), Hypotension.ONE_VASOPRESSOR,
                        OxygenSupport.NONE, false, OtherCause.HYPOTENSION, "sepsis"), false).explanation());
    }

    private static List<Integer> grades(List<GradedObservation> graded) {
        return graded.stream().map(GradedObservation::grade).toList();
    }

    @Test
    void simultaneousObservationsAreInOrder() {
        List<GradedObservation> graded = grader.gradeAll(List.of(
                vitals(AT, "38.1", Hypotension.NONE, OxygenSupport.NONE, false),
                vitals(AT, "38.1", Hypotension.NONE, OxygenSupport.HIGH_FLOW, false)), CLOCK);

        assertEquals(List.of(1, 3), grades(graded));
    }

    @Test
    void rejectsProgrammingErrors() {
        VitalsObservation later = vitals(AT.plusSeconds(60), "38.1", Hypotension.NONE, OxygenSupport.NONE, false);
        VitalsObservation earlier = vitals(AT, "38.1", Hypotension.NONE, OxygenSupport.NONE, false);
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> grader.grade(null, false)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.gradeAll(null, CLOCK)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.gradeAll(List.of(earlier), null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.gradeAll(Arrays.asList(earlier, null), CLOCK)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.gradeAll(List.of(later, earlier), CLOCK)),
                () -> assertThrows(IllegalArgumentException.class, () -> new CrsGrader(Duration.ZERO)));
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
                        () -> new VitalsObservation(AT, temperature, Hypotension.NONE, null, false)),
                () -> assertThrows(IllegalArgumentException.class, () -> new VitalsObservation(AT, temperature,
                        Hypotension.NONE, OxygenSupport.NONE, false, OtherCause.HYPOTENSION, " ")),
                () -> assertThrows(IllegalArgumentException.class, () -> new VitalsObservation(AT, temperature,
                        Hypotension.NONE, OxygenSupport.NONE, false, null, "sepsis")));
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
