package org.celltrial.enrollment.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.celltrial.enrollment.patient.Sex;
import org.celltrial.enrollment.patient.TherapyCategory;

/**
 * What the study demographics need to know of one patient, every date as recorded: {@link EnrollmentFigures}
 * applies the cut-off. {@code priorTherapies} holds one category per prior-therapy entry; {@code day0} and
 * {@code infusedDoseLevel} are null before the infusion, {@code firstLymphodepletionDose} while no dose was given
 * (an omission is not a dose).
 */
public record DemographicFacts(
        String subjectId,
        String siteCode,
        Sex sex,
        LocalDate birthDate,
        LocalDate itpDiagnosisDate,
        BigDecimal baselinePlateletCountPer1e9L,
        List<TherapyCategory> priorTherapies,
        LocalDate consentDate,
        String enrolledDoseLevel,
        LocalDate day0,
        String infusedDoseLevel,
        LocalDate firstLymphodepletionDose) {
}
