package org.celltrial.safety.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.celltrial.safety.ae.AdverseEventView;
import org.celltrial.safety.ae.Origin;
import org.celltrial.safety.ae.SeriousnessCriterion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The safety summary's figures from the events that count (docs/api.md, safety-service, Summary). */
class SafetyFiguresTest {

    private static final LocalDate AS_OF = LocalDate.parse("2025-06-15");
    private static final String CRS = "Cytokine release syndrome";
    private static final String ICANS = "Immune effector cell-associated neurotoxicity syndrome";

    private final SafetyFigures figures = new SafetyFigures();

    @Test
    void anEmptyStudyListsEveryGradeWithNoPatient() {
        SafetySummary summary = figures.summarise(AS_OF, List.of(), List.of());

        assertAll(
                () -> assertEquals(AS_OF, summary.asOf()),
                () -> assertEquals(0, summary.patients()),
                () -> assertEquals(List.of(), summary.perPatient()),
                () -> assertEquals(byGrade(0, 0, 0, 0, 0, 0), summary.crsPatientsByMaxGrade()),
                () -> assertEquals(byGrade(0, 0, 0, 0, 0, 0), summary.icansPatientsByMaxGrade()),
                () -> assertEquals(List.of(), summary.adverseEventsByTerm()),
                () -> assertEquals(List.of(), summary.seriousEvents()));
    }

    @Test
    void onePatientWithoutCrsOrIcansHasMaxGradeZeroForBoth() {
        SafetySummary summary = figures.summarise(AS_OF, List.of("SITE-01"),
                List.of(event("CT-SITE-01-001", Origin.REPORTED, "Fatigue", 1)));

        assertAll(
                () -> assertEquals(List.of("SITE-01"), summary.siteCodes()),
                () -> assertEquals(1, summary.patients()),
                () -> assertEquals(List.of(new SafetySummary.PatientRow("CT-SITE-01-001", "SITE-01", 0, 0)),
                        summary.perPatient()),
                () -> assertEquals(byGrade(1, 0, 0, 0, 0, 0), summary.crsPatientsByMaxGrade()),
                () -> assertEquals(byGrade(1, 0, 0, 0, 0, 0), summary.icansPatientsByMaxGrade()),
                () -> assertEquals(List.of(new SafetySummary.TermRow("Fatigue", "10016256", 1, Map.of(1, 1))),
                        summary.adverseEventsByTerm()));
    }

    /** A patient's CRS grades (its derived events, space-separated) | its max CRS grade. */
    @ParameterizedTest(name = "CRS grades [{0}]: max {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1       | 1
            1 3 2   | 3
            2 2     | 2
            4 1     | 4
            """)
    void aPatientsMaxGradeIsItsHighestOfTheOrigin(String grades, int max) {
        List<AdverseEventView> events = Arrays.stream(grades.split(" "))
                .map(grade -> event("CT-S-001", Origin.CRS, CRS, Integer.parseInt(grade))).toList();

        SafetySummary summary = figures.summarise(AS_OF, List.of(), events);

        assertEquals(max, summary.perPatient().get(0).maxCrsGrade());
        assertEquals(0, summary.perPatient().get(0).maxIcansGrade());
        assertEquals(1, summary.crsPatientsByMaxGrade().get(max));
    }

    @Test
    void patientsComeBySubjectIdAndATermCountsEachPatientOnceAtItsWorstGrade() {
        SafetySummary summary = figures.summarise(AS_OF, List.of(), List.of(
                event("CT-S-003", Origin.CRS, CRS, 3),
                event("CT-S-001", Origin.CRS, CRS, 1),
                event("CT-S-001", Origin.CRS, CRS, 2),
                event("CT-S-002", Origin.CRS, CRS, 2),
                event("CT-S-002", Origin.ICANS, ICANS, 1),
                event("CT-S-001", Origin.REPORTED, "Anaemia", 2)));

        assertAll(
                () -> assertEquals(3, summary.patients()),
                () -> assertEquals(List.of(
                        new SafetySummary.PatientRow("CT-S-001", "S", 2, 0),
                        new SafetySummary.PatientRow("CT-S-002", "S", 2, 1),
                        new SafetySummary.PatientRow("CT-S-003", "S", 3, 0)), summary.perPatient()),
                () -> assertEquals(byGrade(0, 0, 2, 1, 0, 0), summary.crsPatientsByMaxGrade()),
                () -> assertEquals(byGrade(2, 1, 0, 0, 0, 0), summary.icansPatientsByMaxGrade()),
                () -> assertEquals(List.of(
                        new SafetySummary.TermRow("Anaemia", "10016256", 1, Map.of(2, 1)),
                        new SafetySummary.TermRow(CRS, "10016256", 3, Map.of(2, 2, 3, 1)),
                        new SafetySummary.TermRow(ICANS, "10016256", 1, Map.of(1, 1))),
                        summary.adverseEventsByTerm()));
    }

    /** The figures alone (the gateway's study summary), from the counts the database makes: the same figures. */
    @Test
    void theFiguresAloneFromTheCountsAreTheFiguresWithoutTheRows() {
        SafetySummary whole = figures.summarise(AS_OF, List.of("S"), List.of(
                event("CT-S-003", Origin.CRS, CRS, 3),
                event("CT-S-001", Origin.CRS, CRS, 2),
                event("CT-S-002", Origin.CRS, CRS, 2),
                event("CT-S-002", Origin.ICANS, ICANS, 1),
                event("CT-S-001", Origin.REPORTED, "Anaemia", 2),
                event("CT-S-004", Origin.REPORTED, "Anaemia", 3),
                serious("CT-S-004", "Sepsis", 4, SeriousnessCriterion.HOSPITALISATION)));

        SafetySummary alone = figures.summarise(AS_OF, List.of("S"),
                List.of(new SafetyFigures.MaxGrades(2, 0, 1), new SafetyFigures.MaxGrades(2, 1, 1),
                        new SafetyFigures.MaxGrades(3, 0, 1), new SafetyFigures.MaxGrades(0, 0, 1)),
                List.of(new SafetyFigures.TermGrade("Anaemia", "10016256", 3, 1),
                        new SafetyFigures.TermGrade(CRS, "10016256", 2, 2),
                        new SafetyFigures.TermGrade("Sepsis", "10016256", 4, 1),
                        new SafetyFigures.TermGrade("Anaemia", "10016256", 2, 1),
                        new SafetyFigures.TermGrade(ICANS, "10016256", 1, 1),
                        new SafetyFigures.TermGrade(CRS, "10016256", 3, 1)),
                List.of(), null);

        assertAll(
                () -> assertEquals(whole.withoutPatients(), alone),
                () -> assertEquals(4, alone.patients()),
                () -> assertEquals(byGrade(1, 0, 2, 1, 0, 0), alone.crsPatientsByMaxGrade()),
                () -> assertEquals(byGrade(3, 1, 0, 0, 0, 0), alone.icansPatientsByMaxGrade()),
                () -> assertEquals(new SafetySummary.TermRow("Anaemia", "10016256", 2, Map.of(2, 1, 3, 1)),
                        alone.adverseEventsByTerm().get(0)),
                () -> assertNull(alone.perPatient()),
                () -> assertNull(alone.seriousEvents()));
    }

    @Test
    void seriousEventsAreListedInTheOrderGivenWithTheirCriteria() {
        AdverseEventView fatal = serious("CT-S-002", "Sepsis", 5, SeriousnessCriterion.DEATH);
        AdverseEventView hospitalised = serious("CT-S-001", "Febrile neutropenia", 3,
                SeriousnessCriterion.HOSPITALISATION, SeriousnessCriterion.LIFE_THREATENING);

        SafetySummary summary = figures.summarise(AS_OF, List.of(), List.of(fatal,
                event("CT-S-001", Origin.REPORTED, "Fatigue", 1), hospitalised));

        assertEquals(List.of(
                new SafetySummary.SeriousEvent(fatal.id(), "CT-S-002", "Sepsis", fatal.onset(), 5, List.of("DEATH")),
                new SafetySummary.SeriousEvent(hospitalised.id(), "CT-S-001", "Febrile neutropenia",
                        hospitalised.onset(), 3, List.of("HOSPITALISATION", "LIFE_THREATENING"))),
                summary.seriousEvents());
    }

    private static Map<Integer, Integer> byGrade(int... patients) {
        return Map.of(0, patients[0], 1, patients[1], 2, patients[2], 3, patients[3], 4, patients[4], 5, patients[5]);
    }

    private static AdverseEventView event(String subjectId, Origin origin, String term, int grade) {
        return view(subjectId, origin, term, grade, List.of());
    }

    private static AdverseEventView serious(String subjectId, String term, int grade,
            SeriousnessCriterion... criteria) {
        return view(subjectId, Origin.REPORTED, term, grade, List.of(criteria));
    }

    private static AdverseEventView view(String subjectId, Origin origin, String term, int grade,
            List<SeriousnessCriterion> criteria) {
        String site = subjectId.substring(3, subjectId.lastIndexOf('-'));
        return new AdverseEventView(UUID.randomUUID(), UUID.randomUUID(), subjectId, site, origin, term, "10016256",
                LocalDate.parse("2025-02-10"), grade, null, null, null, null, !criteria.isEmpty(), criteria, null,
                null, null, null, null, null, null, List.of(), null, null, null, 1);
    }
}
