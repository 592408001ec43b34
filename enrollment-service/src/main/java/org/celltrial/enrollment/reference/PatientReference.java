package org.celltrial.enrollment.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.celltrial.enrollment.patient.PatientStatus;
import org.celltrial.enrollment.patient.Sex;
import org.celltrial.enrollment.therapy.TherapyView;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What safety and efficacy need to know of a patient (docs/api.md): site, Day 0, the first lymphodepletion day
 * (safety anchors lab baselines on it), age, weight, baseline platelets, and every therapy with its dose
 * (efficacy's exposure windows go by category, whatever kind a therapy was recorded as). {@code birthDate} is left out for sponsors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatientReference(
        UUID id,
        String subjectId,
        String siteCode,
        Sex sex,
        LocalDate birthDate,
        Integer ageAtInfusionYears,
        LocalDate day0,
        LocalDate lymphodepletionStart,
        BigDecimal weightKg,
        BigDecimal baselinePlateletCountPer1e9L,
        LocalDate itpDiagnosisDate,
        int priorTherapyCount,
        PatientStatus status,
        String doseLevel,
        List<TherapyView> therapies) {
}
