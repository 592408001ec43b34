package org.celltrial.gateway.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.celltrial.gateway.upstream.Section;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Puts the three services' summaries together. Pure: no I/O, so it is tested with plain JSON.
 *
 * <p>Patients per max CRS and ICANS grade are counted over the enrolled patients (enrollment's list at the
 * cut-off): a patient with no CRS or ICANS recorded is grade 0. Safety's own summary lists only patients with
 * events, so when enrollment is unavailable the grade-0 count is missing and the maps hold safety's counts alone.
 */
public final class StudySummaryComposer {

    private static final int MAX_GRADE = 5;

    private StudySummaryComposer() {
    }

    public static StudySummary compose(LocalDate asOf, List<String> siteCodes, Section enrollment, Section safety,
            Section efficacy) {
        JsonNode demographics = enrollment.available() ? enrollment.content() : null;
        JsonNode safetySummary = safety.available() ? safety.content() : null;
        JsonNode efficacySummary = efficacy.available() ? efficacy.content() : null;

        List<Section> sections = List.of(enrollment, safety, efficacy);

        return new StudySummary(asOf, siteCodes,
                demographics == null ? null : demographics.path("enrolled").asInt(),
                field(demographics, "ageYears"),
                demographics == null || !demographics.path("femalePercent").isNumber() ? null
                        : demographics.path("femalePercent").decimalValue(),
                field(demographics, "baselinePlateletsPer1e9L"),
                field(demographics, "diseaseDurationYears"),
                field(demographics, "priorTherapies"),
                field(demographics, "followUpMonths"),
                demographics == null ? null : demographics.path("lymphodepleted").asInt(),
                safetySummary == null ? null : grades(demographics, safetySummary, "maxCrsGrade",
                        "crsPatientsByMaxGrade"),
                safetySummary == null ? null : grades(demographics, safetySummary, "maxIcansGrade",
                        "icansPatientsByMaxGrade"),
                efficacySummary == null ? null : response(efficacySummary),
                efficacySummary == null ? null : efficacySummary.path("bCellAplasiaSustained").asInt(),
                efficacySummary == null ? null : efficacySummary.path("gpAutoantibodyPositiveAtBaseline").asInt(),
                efficacySummary == null ? null : efficacySummary.path("gpAutoantibodyAllNegativeAfter").asInt(),
                efficacySummary == null ? null : efficacySummary.path("rescueFreeAtCutOff").asInt(),
                Section.states(sections), Section.unavailable(sections));
    }

    private static StudySummary.GradeCounts grades(JsonNode demographics, JsonNode safety, String gradeField,
            String countsField) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int grade = 0; grade <= MAX_GRADE; grade++) {
            counts.put(grade, 0);
        }
        if (demographics == null) {
            safety.path(countsField).properties().forEach(entry ->
                    counts.put(Integer.parseInt(entry.getKey()), entry.getValue().asInt()));
            return new StudySummary.GradeCounts(counts);
        }
        Map<String, Integer> worstBySubject = new HashMap<>();
        for (JsonNode row : safety.path("perPatient")) {
            worstBySubject.put(row.path("subjectId").asText(), row.path(gradeField).asInt());
        }
        for (JsonNode patient : demographics.path("patients")) {
            counts.merge(worstBySubject.getOrDefault(patient.path("subjectId").asText(), 0), 1, Integer::sum);
        }
        return new StudySummary.GradeCounts(counts);
    }

    private static StudySummary.ResponseCounts response(JsonNode efficacy) {
        JsonNode byBest = efficacy.path("byBestResponse");
        return new StudySummary.ResponseCounts(byBest.path("CR").asInt(), byBest.path("R").asInt(),
                byBest.path("NR").asInt(), byBest.path("NE").asInt(),
                decimal(efficacy.path("orr").path("percent")),
                decimal(efficacy.path("completeResponse").path("percent")),
                decimal(efficacy.path("medianTimeToResponseDays")));
    }

    private static JsonNode field(JsonNode summary, String name) {
        return summary == null ? null : summary.get(name);
    }

    private static BigDecimal decimal(JsonNode value) {
        return value.isNumber() ? value.decimalValue() : null;
    }
}
