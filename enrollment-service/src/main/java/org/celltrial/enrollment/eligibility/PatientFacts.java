package org.celltrial.enrollment.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.celltrial.enrollment.patient.TherapyCategory;
import org.celltrial.enrollment.patient.TherapyOutcome;

/**
 * What eligibility is computed from, as recorded at screening (CellTrial docs/api.md, enrollment: screening a patient).
 */
public record PatientFacts(LocalDate birthDate, LocalDate itpDiagnosisDate, BigDecimal screeningPlateletCountPer1e9L,
        List<PriorTherapyFact> priorTherapies) {

    /**
     * A prior ITP therapy.
     *
     * @param agent   e.g. "eltrombopag"; null or blank when not named (e.g. splenectomy)
     * @param start   null when not recorded
     * @param end     null while it goes on, or when not recorded
     * @param outcome null when not recorded
     */
    public record PriorTherapyFact(TherapyCategory category, String agent, LocalDate start, LocalDate end,
            TherapyOutcome outcome) {

        public PriorTherapyFact {
            if (category == null) {
                throw new IllegalArgumentException("category of a prior therapy is required");
            }
            if (start != null && end != null && end.isBefore(start)) {
                throw new IllegalArgumentException("prior therapy ended on " + end + ", before its start " + start);
            }
        }

        /** The agent as recorded, else the category: "prednisone", "SPLENECTOMY". */
        String name() {
            return agent == null || agent.isBlank() ? category.name() : agent.strip();
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
