package org.celltrial.gateway.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.celltrial.gateway.upstream.Section;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Puts the three services' summaries together. Pure: no I/O, so it is tested with plain JSON.
 *
 * <p>Patients per max CRS and ICANS grade are counted over the enrolled patients (enrollment's {@code enrolled} at the
 * cut-off): grades 1 to 5 are safety's counts, and grade 0 the enrolled patients left. That holds because a CRS or
 * ICANS event is graded from Day 0 on, an infusion is refused before the consent date and a patient never changes
 * site (docs/api.md, gateway, Summary): every patient safety counts at grade 1 or more by a cut-off was enrolled by it,
 * at the sites asked for. So neither service sends a row per patient. Safety's own summary counts at grade 0 only the
 * patients with other adverse events, so when enrollment is unavailable the maps hold safety's counts alone.
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
                safetySummary == null ? null : grades(demographics, safetySummary, "crsPatientsByMaxGrade"),
                safetySummary == null ? null : grades(demographics, safetySummary, "icansPatientsByMaxGrade"),
                efficacySummary == null ? null : response(efficacySummary),
                efficacySummary == null ? null : efficacySummary.path("bCellAplasiaSustained").asInt(),
                efficacySummary == null ? null : efficacySummary.path("gpAutoantibodyPositiveAtBaseline").asInt(),
                efficacySummary == null ? null : efficacySummary.path("gpAutoantibodyAllNegativeAfter").asInt(),
                efficacySummary == null ? null : efficacySummary.path("rescueFreeAtCutOff").asInt(),
                Section.states(sections), Section.unavailable(sections));
    }

    private static StudySummary.GradeCounts grades(JsonNode demographics, JsonNode safety, String countsField) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int grade = 0; grade <= MAX_GRADE; grade++) {
            counts.put(grade, safety.path(countsField).path(String.valueOf(grade)).asInt());
        }
        if (demographics != null) {
            int graded = counts.entrySet().stream().filter(count -> count.getKey() > 0)
                    .mapToInt(Map.Entry::getValue).sum();
            counts.put(0, demographics.path("enrolled").asInt() - graded);
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
