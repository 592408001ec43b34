package org.celltrial.enrollment.reference;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import org.celltrial.enrollment.patient.PatientStatus;
import org.celltrial.enrollment.patient.Sex;
import org.celltrial.enrollment.therapy.TherapyView;

import com.fasterxml.jackson.databind.ObjectReader;

/**
 * A patient's reference as one row of {@link ReferenceRepository#referencesOf}: the patient's own columns, what it
 * takes from the identity, prior therapies, infusion and lymphodepletion tables, and its therapies (not voided, in
 * the order they started) as a JSON array.
 */
record ReferenceRow(UUID id, String subjectId, String siteCode, Sex sex, LocalDate birthDate, LocalDate day0,
        LocalDate lymphodepletionStart, BigDecimal recordedWeightKg, BigDecimal infusionWeightKg,
        BigDecimal baselinePlateletCountPer1e9L, LocalDate itpDiagnosisDate, int priorTherapyCount,
        PatientStatus status, String doseLevel, String therapies) {

    static ReferenceRow of(Object[] row) {
        return new ReferenceRow((UUID) row[0], (String) row[1], (String) row[2], Sex.valueOf((String) row[3]),
                (LocalDate) row[4], (LocalDate) row[5], (LocalDate) row[6], (BigDecimal) row[7], (BigDecimal) row[8],
                (BigDecimal) row[9], (LocalDate) row[10], ((Number) row[11]).intValue(),
                PatientStatus.valueOf((String) row[12]), (String) row[13], (String) row[14]);
    }

    /**
     * The reference: the age at Day 0 from the birth date, the weight at infusion once infused (else the patient's
     * recorded weight), and without the birth date for a caller who may not see identifying data.
     */
    PatientReference reference(boolean pseudonymised, ObjectReader therapyList) {
        Integer age = day0 == null ? null : Period.between(birthDate, day0).getYears();
        return new PatientReference(id, subjectId, siteCode, sex, pseudonymised ? null : birthDate, age, day0,
                lymphodepletionStart, infusionWeightKg != null ? infusionWeightKg : recordedWeightKg,
                baselinePlateletCountPer1e9L, itpDiagnosisDate, priorTherapyCount, status, doseLevel,
                therapies(therapyList));
    }

    private List<TherapyView> therapies(ObjectReader therapyList) {
        if (therapies == null) {
            return List.of();
        }
        try {
            return therapyList.readValue(therapies);
        } catch (IOException e) {
            throw new IllegalStateException("The therapies PostgreSQL aggregated for patient " + id
                    + " are not a list of therapies", e);
        }
    }
}
