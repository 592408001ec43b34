package org.celltrial.enrollment.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.celltrial.enrollment.patient.Sex;
import org.celltrial.enrollment.patient.TherapyCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The enrolled patients at a cut-off, pseudonymised (subject IDs only: no birth dates, initials or screening
 * numbers), as a paper's demographics table reports them. {@link EnrollmentFigures} defines every figure;
 * {@code patients}, a row per patient, is left out when the caller asks for the figures alone.
 */
public record EnrollmentSummary(
        LocalDate asOf,
        List<String> siteCodes,
        int enrolled,
        Distribution ageYears,
        BigDecimal femalePercent,
        Distribution baselinePlateletsPer1e9L,
        DurationDistribution diseaseDurationYears,
        PriorTherapies priorTherapies,
        FollowUp followUpMonths,
        int lymphodepleted,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PatientRow> patients) {

    /** Prior therapies per patient, and how many patients had each category (categories nobody had are left out). */
    public record PriorTherapies(BigDecimal median, BigDecimal min, BigDecimal max,
            Map<TherapyCategory, Integer> patientsByCategory) {
    }

    /**
     * Shortest and longest follow-up of the infused patients, in {@code unit} ("months"), computed as {@code rule}
     * says (docs/clinical-rules.md, Reporting durations); min and max are null when none was infused by the cut-off.
     */
    public record FollowUp(BigDecimal min, BigDecimal max, String unit, String rule) {
    }

    /**
     * One enrolled patient; {@code day0} and {@code followUpMonths} are null unless infused by the cut-off. The
     * durations are in the unit their name carries, to one decimal, as the summary's {@code rule} says; the age is in
     * completed years. Named apart from the other services' rows: the gateway merges the three OpenAPI documents.
     */
    @Schema(name = "EnrollmentSummaryPatientRow")
    public record PatientRow(
            String subjectId,
            String siteCode,
            Sex sex,
            int ageYears,
            BigDecimal baselinePlateletsPer1e9L,
            BigDecimal diseaseDurationYears,
            int priorTherapyCount,
            List<TherapyCategory> priorTherapyCategories,
            String doseLevel,
            boolean lymphodepleted,
            LocalDate day0,
            BigDecimal followUpMonths) {
    }
}
