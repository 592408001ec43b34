package org.celltrial.gateway.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The study at a cut-off as a paper reports it (docs/api.md): demographics and exposure from enrollment, CRS and ICANS
 * from safety, response, B cells and autoantibodies from efficacy. A service that does not answer leaves its
 * fields null and is named in {@code unavailable}.
 */
public record StudySummary(
        LocalDate asOf,
        List<String> siteCodes,
        Integer enrolled,
        JsonNode ageYears,
        BigDecimal femalePercent,
        JsonNode baselinePlateletsPer1e9L,
        JsonNode diseaseDurationYears,
        JsonNode priorTherapies,
        JsonNode followUpMonths,
        Integer lymphodepleted,
        GradeCounts crs,
        GradeCounts icans,
        ResponseCounts response,
        Integer bCellAplasiaSustained,
        Integer gpAutoantibodyPositiveAtBaseline,
        Integer gpAutoantibodyAllNegativeAfter,
        Integer rescueFreeAtCutOff,
        Map<String, String> parts,
        List<String> unavailable) {

    /** Patients by their worst grade over the course, grades 0 (none) to 5. */
    public record GradeCounts(Map<Integer, Integer> patientsByMaxGrade) {
    }

    /** Patients by best IWG response, and the overall (CR + R) and complete response rates. */
    public record ResponseCounts(
            @JsonProperty("CR") int cr,
            @JsonProperty("R") int r,
            @JsonProperty("NR") int nr,
            @JsonProperty("NE") int ne,
            BigDecimal orrPercent,
            BigDecimal crPercent,
            BigDecimal medianTimeToResponseDays) {
    }
}
