package org.celltrial.gateway.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.celltrial.gateway.upstream.Part;
import org.celltrial.gateway.upstream.Section;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class StudySummaryComposerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate AS_OF = LocalDate.parse("2025-06-15");

    /** The figures alone, as the gateway asks for them: no row per patient. */
    private static final String ENROLLMENT = """
            {"enrolled": 5, "ageYears": {"median": 12.5, "min": 8, "max": 25}, "femalePercent": 80.0,
             "baselinePlateletsPer1e9L": {"median": 9, "min": 2, "max": 24},
             "diseaseDurationYears": {"median": 7.8, "min": 5.2, "max": 20.1, "unit": "years", "rule": "days / 365.25"},
             "priorTherapies": {"median": 4, "min": 3, "max": 5, "patientsByCategory": {"IVIG": 5}},
             "followUpMonths": {"min": 2.2, "max": 16.2, "unit": "months", "rule": "days / 30.4375"},
             "lymphodepleted": 3}
            """;
    /**
     * Five enrolled: A, B and C had CRS grade 1, A and C ICANS grade 3, E only other adverse events (safety's grade
     * 0), D none at all (not in safety's counts).
     */
    private static final String SAFETY = """
            {"patients": 4, "crsPatientsByMaxGrade": {"0": 1, "1": 3, "2": 0, "3": 0, "4": 0, "5": 0},
             "icansPatientsByMaxGrade": {"0": 2, "1": 0, "2": 0, "3": 2, "4": 0, "5": 0}}
            """;
    private static final String EFFICACY = """
            {"byBestResponse": {"CR": 1, "R": 2, "NR": 1, "NE": 0}, "orr": {"patients": 3, "percent": 75.0},
             "completeResponse": {"patients": 1, "percent": 25.0}, "medianTimeToResponseDays": 14,
             "bCellAplasiaSustained": 3, "gpAutoantibodyPositiveAtBaseline": 3, "gpAutoantibodyAllNegativeAfter": 3}
            """;

    @Test
    void composesThePapersFiguresCountingGradesOverTheEnrolledPatients() throws Exception {
        StudySummary summary = StudySummaryComposer.compose(AS_OF, List.of(), available("enrollment", ENROLLMENT),
                available("safety", SAFETY), available("efficacy", EFFICACY));

        assertEquals(5, summary.enrolled());
        assertEquals(new BigDecimal("12.5"), summary.ageYears().path("median").decimalValue());
        assertEquals(new BigDecimal("80.0"), summary.femalePercent());
        assertEquals(new BigDecimal("20.1"), summary.diseaseDurationYears().path("max").decimalValue());
        assertEquals("years", summary.diseaseDurationYears().path("unit").asText(), "durations keep their unit");
        assertEquals("months", summary.followUpMonths().path("unit").asText());
        assertEquals(3, summary.lymphodepleted());
        assertEquals(Map.of(0, 2, 1, 3, 2, 0, 3, 0, 4, 0, 5, 0), summary.crs().patientsByMaxGrade(),
                "D and E had no CRS: grade 0, the enrolled patients less those of grades 1 to 5");
        assertEquals(Map.of(0, 3, 1, 0, 2, 0, 3, 2, 4, 0, 5, 0), summary.icans().patientsByMaxGrade());
        assertEquals(new StudySummary.ResponseCounts(1, 2, 1, 0, new BigDecimal("75.0"), new BigDecimal("25.0"),
                new BigDecimal("14")), summary.response());
        assertEquals(3, summary.bCellAplasiaSustained());
        assertEquals(3, summary.gpAutoantibodyPositiveAtBaseline());
        assertEquals(3, summary.gpAutoantibodyAllNegativeAfter());
        assertEquals(List.of(), summary.unavailable());
        assertEquals(Map.of("enrollment", "available", "safety", "available", "efficacy", "available"),
                summary.parts());
    }

    @Test
    void leavesAnUnavailableServicesFiguresEmptyAndNamesIt() throws Exception {
        StudySummary summary = StudySummaryComposer.compose(AS_OF, List.of("SITE-01"),
                available("enrollment", ENROLLMENT), new Section("safety", Part.State.UNAVAILABLE, null),
                available("efficacy", EFFICACY));

        assertNull(summary.crs());
        assertNull(summary.icans());
        assertEquals(5, summary.enrolled());
        assertEquals(1, summary.response().cr());
        assertEquals(List.of("safety"), summary.unavailable());
        assertEquals("unavailable", summary.parts().get("safety"));
    }

    @Test
    void withoutEnrollmentTheGradeCountsAreSafetysOwn() throws Exception {
        StudySummary summary = StudySummaryComposer.compose(AS_OF, List.of(),
                new Section("enrollment", Part.State.UNAVAILABLE, null), available("safety", SAFETY),
                available("efficacy", EFFICACY));

        assertNull(summary.enrolled());
        assertNull(summary.ageYears());
        assertEquals(Map.of(0, 1, 1, 3, 2, 0, 3, 0, 4, 0, 5, 0), summary.crs().patientsByMaxGrade(),
                "grade 0 only of the patients safety knows: E, not D");
        assertEquals(List.of("enrollment"), summary.unavailable());
    }

    private static Section available(String service, String summaryJson) throws Exception {
        return new Section(service, Part.State.AVAILABLE, (ObjectNode) JSON.readTree(summaryJson));
    }
}
