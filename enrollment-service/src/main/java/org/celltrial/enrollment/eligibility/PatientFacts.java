package org.celltrial.enrollment.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What eligibility is computed from, as recorded at screening (CellTrial docs/api.md, enrollment: screening a patient).
 */
public record PatientFacts(LocalDate birthDate, LocalDate itpDiagnosisDate, BigDecimal screeningPlateletCountPer1e9L,
        List<PriorTherapyFact> priorTherapies) {

    /**
     * A prior ITP therapy.
     *
     * @param category e.g. GLUCOCORTICOID, TPO_RA (docs/api.md)
     * @param agent    e.g. "eltrombopag"; null or blank when not named (e.g. splenectomy)
     */
    public record PriorTherapyFact(String category, String agent) {

        public PriorTherapyFact {
            if (category == null || category.isBlank()) {
                throw new IllegalArgumentException("category of a prior therapy is required");
            }
        }
    }

    public PatientFacts {
        if (birthDate == null || itpDiagnosisDate == null) {
            throw new IllegalArgumentException("birthDate and itpDiagnosisDate are required");
        }
        if (itpDiagnosisDate.isBefore(birthDate)) {
            throw new IllegalArgumentException(
                    "itpDiagnosisDate " + itpDiagnosisDate + " is before birthDate " + birthDate);
        }
        if (screeningPlateletCountPer1e9L == null || screeningPlateletCountPer1e9L.signum() < 0) {
            throw new IllegalArgumentException(
                    "screeningPlateletCountPer1e9L must not be negative, was " + screeningPlateletCountPer1e9L);
        }
        if (priorTherapies == null || priorTherapies.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("priorTherapies must be a list without nulls");
        }
        priorTherapies = List.copyOf(priorTherapies);
    }
}
