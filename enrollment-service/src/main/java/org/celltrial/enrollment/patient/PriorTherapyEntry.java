package org.celltrial.enrollment.patient;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A prior ITP therapy, as sent at screening and as read back.
 *
 * @param outcome how it ended, when known; eligibility decides the refractory path from it
 *                (docs/clinical-rules.md, Eligibility)
 */
public record PriorTherapyEntry(
        @NotNull TherapyCategory category,
        @Size(max = 100) String agent,
        @PastOrPresent LocalDate start,
        @PastOrPresent LocalDate end,
        TherapyOutcome outcome) {

    static PriorTherapyEntry of(PriorTherapy therapy) {
        return new PriorTherapyEntry(therapy.category, therapy.agent, therapy.start, therapy.end, therapy.outcome);
    }
}
