package org.celltrial.safety.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The study's safety at a cut-off, pseudonymised (docs/api.md): per patient the max CRS and ICANS grade, patients
 * per max grade (0 = none), adverse events by term and max grade, and the serious events.
 */
public record SafetySummary(
        LocalDate asOf,
        List<String> siteCodes,
        int patients,
        List<PatientRow> perPatient,
        Map<Integer, Integer> crsPatientsByMaxGrade,
        Map<Integer, Integer> icansPatientsByMaxGrade,
        List<TermRow> adverseEventsByTerm,
        List<SeriousEvent> seriousEvents) {

    /** Named apart from the other services' rows: the gateway merges the three OpenAPI documents. */
    @Schema(name = "SafetySummaryPatientRow")
    public record PatientRow(String subjectId, String siteCode, int maxCrsGrade, int maxIcansGrade) {
    }

    /** How many patients had the term, and how many at each worst grade. */
    public record TermRow(String ctcaeTerm, String meddraCode, int patients, Map<Integer, Integer> patientsByMaxGrade) {
    }

    public record SeriousEvent(UUID id, String subjectId, String ctcaeTerm, LocalDate onset, int grade,
            List<String> seriousnessCriteria) {
    }
}
