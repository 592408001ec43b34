package org.celltrial.enrollment.eligibility;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

/**
 * The investigator's answers to the criteria that cannot be computed from data (by criterion code), and the
 * day of the assessment (default today).
 */
public record EligibilityRequest(@NotNull Map<String, @NotNull Boolean> answers, @PastOrPresent LocalDate assessedOn) {
}
