package org.celltrial.enrollment.eligibility;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

/**
 * The investigator's answers by code: to the protocol's investigator criteria, and to the computed criteria
 * (REFRACTORY_ITP, STABLE_CORTICOSTEROID_DOSE) for when the data do not decide them (docs/clinical-rules.md,
 * Eligibility); and the day of the assessment (default today).
 */
public record EligibilityRequest(@NotNull Map<String, @NotNull Boolean> answers, @PastOrPresent LocalDate assessedOn) {
}
