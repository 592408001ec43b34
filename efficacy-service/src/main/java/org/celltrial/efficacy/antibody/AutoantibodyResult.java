package org.celltrial.efficacy.antibody;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One ELISA measurement of an anti-platelet glycoprotein autoantibody (docs/clinical-rules.md, Other efficacy
 * measures).
 *
 * @param cutoff the assay's cut-off for this run: an optical density at or above it is positive
 */
public record AutoantibodyResult(LocalDate date, GpTarget target, BigDecimal opticalDensity, BigDecimal cutoff) {

    public AutoantibodyResult {
        if (date == null || target == null) {
            throw new IllegalArgumentException("date and target are required");
        }
        if (opticalDensity == null || opticalDensity.signum() < 0) {
            throw new IllegalArgumentException(
                    "opticalDensity of " + target + " on " + date + " must not be negative, was " + opticalDensity);
        }
        if (cutoff == null || cutoff.signum() <= 0) {
            throw new IllegalArgumentException(
                    "cutoff of " + target + " on " + date + " must be positive, was " + cutoff);
        }
    }
}
