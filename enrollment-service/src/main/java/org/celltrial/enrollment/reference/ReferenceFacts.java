package org.celltrial.enrollment.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a patient's reference takes from records other than the patient's own row: the birth date (for the age at
 * Day 0), how many prior ITP therapies, the weight at infusion, the first lymphodepleting dose given.
 */
record ReferenceFacts(UUID patientId, LocalDate birthDate, int priorTherapies, BigDecimal infusionWeightKg,
        LocalDate lymphodepletionStart) {

    static ReferenceFacts of(Object[] row) {
        return new ReferenceFacts((UUID) row[0], (LocalDate) row[1], ((Number) row[2]).intValue(), (BigDecimal) row[3],
                (LocalDate) row[4]);
    }
}
