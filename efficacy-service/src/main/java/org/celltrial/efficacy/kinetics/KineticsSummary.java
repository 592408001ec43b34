package org.celltrial.efficacy.kinetics;

import java.math.BigDecimal;

/**
 * CAR-T expansion and persistence from qPCR (docs/clinical-rules.md, CAR-T kinetics). Without a sample on or after
 * Day 0 every figure is null. Otherwise exactly one AUC is reported: {@code auc0to28} when the samples reach day
 * 28 (sampled or interpolated), {@code auc0toLast} when they stop before it.
 *
 * @param cmax              the highest value at or above the LLOQ, copies/µg DNA; null when none is
 * @param tmaxDay           the study day of Cmax, the earliest if tied; null with cmax
 * @param auc0to28          copies/µg DNA × days over study days 0–28 by the linear trapezoidal rule; null when the
 *                          samples stop before day 28
 * @param auc0toLast        copies/µg DNA × days from day 0 to {@code lastSampleDay} by the same rule, only when
 *                          the samples stop before day 28; null otherwise
 * @param lastSampleDay     the study day of the last sample (any value, also below the LLOQ)
 * @param lastDetectableDay the last study day with a value at or above the LLOQ (persistence); null when none is
 * @param day28Interpolated whether the day-28 value of {@code auc0to28} was interpolated between the samples around
 *                          it
 * @param engine            the calculator and its version ({@link CarTKineticsCalculator#VERSION})
 * @param explanation       the samples, conventions and days behind the figures, for reports
 */
public record KineticsSummary(BigDecimal cmax, Integer tmaxDay, BigDecimal auc0to28, BigDecimal auc0toLast,
        Integer lastSampleDay, Integer lastDetectableDay, boolean day28Interpolated, String engine,
        String explanation) {

    public KineticsSummary {
        if ((cmax == null) != (tmaxDay == null) || (cmax == null) != (lastDetectableDay == null)) {
            throw new IllegalArgumentException("cmax, tmaxDay and lastDetectableDay are all known or all unknown");
        }
        if (lastSampleDay == null) {
            if (cmax != null || auc0to28 != null || auc0toLast != null) {
                throw new IllegalArgumentException("figures without a last sample day");
            }
        } else {
            boolean reachesDay28 = lastSampleDay >= CarTKineticsCalculator.AUC_END_DAY;
            if (reachesDay28 != (auc0to28 != null) || reachesDay28 == (auc0toLast != null)) {
                throw new IllegalArgumentException("samples up to day " + lastSampleDay + " give "
                        + (reachesDay28 ? "auc0to28" : "auc0toLast") + " and only it");
            }
        }
        requireNotNegative("auc0to28", auc0to28);
        requireNotNegative("auc0toLast", auc0toLast);
        if (day28Interpolated && auc0to28 == null) {
            throw new IllegalArgumentException("day 28 can only have been interpolated for an AUC₀₋₂₈");
        }
        if (engine == null || engine.isBlank()) {
            throw new IllegalArgumentException("engine is required");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("explanation is required");
        }
    }

    private static void requireNotNegative(String name, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
