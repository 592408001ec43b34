package org.celltrial.enrollment.patient;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** A prior ITP therapy, as sent at screening and as read back. */
public record PriorTherapyEntry(
        @NotNull TherapyCategory category,
        @Size(max = 100) String agent,
        @PastOrPresent LocalDate start,
        @PastOrPresent LocalDate end) {

    static PriorTherapyEntry of(PriorTherapy therapy) {
        return new PriorTherapyEntry(therapy.category, therapy.agent, therapy.start, therapy.end);
    }
}
