package org.celltrial.enrollment.infusion;

import java.math.BigDecimal;

/**
 * The CAR-T dose given at infusion against the protocol's target (docs/clinical-rules.md, Dosing).
 *
 * @param deviationPercent (infused − target) / target × 100, to 0.1 %
 * @param withinTolerance  false means a protocol deviation; decided on the unrounded deviation
 * @param explanation      for people, e.g. "infused 5.0e6 vs target 4.8e6 (+4.2 %), within ±20 %"
 */
public record CarTDose(BigDecimal targetCells, BigDecimal infusedCells, BigDecimal deviationPercent,
        boolean withinTolerance, String explanation) {

    public CarTDose {
        if (targetCells == null || infusedCells == null || deviationPercent == null) {
            throw new IllegalArgumentException("targetCells, infusedCells and deviationPercent are required");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("explanation is required");
        }
    }
}
