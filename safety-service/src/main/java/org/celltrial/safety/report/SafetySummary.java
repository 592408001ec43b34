package org.celltrial.safety.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The study's safety at a cut-off, pseudonymised (docs/api.md): per patient the max CRS and ICANS grade, patients
 * per max grade (0 = none), adverse events by term and max grade, and the serious events; the figures alone leave
 * out the rows per patient and per serious event.
 */
public record SafetySummary(
        LocalDate asOf,
        List<String> siteCodes,
        int patients,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PatientRow> perPatient,
        Map<Integer, Integer> crsPatientsByMaxGrade,
        Map<Integer, Integer> icansPatientsByMaxGrade,
        List<TermRow> adverseEventsByTerm,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<SeriousEvent> seriousEvents) {

    /** The figures alone: the rows per patient and per serious event left out of the answer. */
    public SafetySummary withoutPatients() {
        return new SafetySummary(asOf, siteCodes, patients, null, crsPatientsByMaxGrade, icansPatientsByMaxGrade,
                adverseEventsByTerm, null);
    }

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
