package org.celltrial.efficacy.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.celltrial.efficacy.response.ResponseStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The study's efficacy at a cut-off, pseudonymised (subject IDs only): patients by best IWG response, ORR
 * (CR + R) and CR rate with percentages of the infused patients, median time to response, sustained B-cell
 * aplasia, and autoantibody conversion.
 */
public record EfficacySummary(
        LocalDate asOf,
        List<String> siteCodes,
        int patientsEvaluated,
        Map<ResponseStatus, Integer> byBestResponse,
        Rate orr,
        Rate completeResponse,
        BigDecimal medianTimeToResponseDays,
        int bCellAplasiaSustained,
        int gpAutoantibodyPositiveAtBaseline,
        int gpAutoantibodyAllNegativeAfter,
        int rescueFreeAtCutOff,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PatientRow> patients) {

    public record Rate(int patients, BigDecimal percent) {
    }

    /** Named apart from the other services' rows: the gateway merges the three OpenAPI documents. */
    @Schema(name = "EfficacySummaryPatientRow")
    public record PatientRow(String subjectId, String siteCode, ResponseStatus bestResponse,
            Integer timeToResponseDays, LocalDate censoredAt, Boolean bCellAplasiaSustained,
            Boolean gpAutoantibodyPositiveAtBaseline, Boolean gpAutoantibodyAllNegativeAfter,
            Boolean rescueFreeAtCutOff) {
    }
}
