package org.celltrial.efficacy.kinetics;

import java.math.BigDecimal;

/**
 * CAR-T expansion and persistence from qPCR (docs/clinical-rules.md, Other efficacy measures).
 *
 * @param cmax              the highest value at or above the LLOQ, copies/µg DNA; null when none is
 * @param tmaxDay           the study day of Cmax, the earliest if tied; null with cmax
 * @param auc0to28          copies/µg DNA × days over study days 0–28 by the linear trapezoidal rule; null without a
 *                          sample on or after Day 0
 * @param lastDetectableDay the last study day with a value at or above the LLOQ (persistence); null when none is
 * @param day28Interpolated whether the day-28 value was interpolated between the samples around it
 * @param explanation       the samples, conventions and days behind the figures, for reports
 */
public record KineticsSummary(BigDecimal cmax, Integer tmaxDay, BigDecimal auc0to28, Integer lastDetectableDay,
        boolean day28Interpolated, String explanation) {

    public KineticsSummary {
        if ((cmax == null) != (tmaxDay == null) || (cmax == null) != (lastDetectableDay == null)) {
            throw new IllegalArgumentException("cmax, tmaxDay and lastDetectableDay are all known or all unknown");
        }
        if (auc0to28 != null && auc0to28.signum() < 0) {
            throw new IllegalArgumentException("auc0to28 must not be negative, was " + auc0to28);
        }
        if (day28Interpolated && auc0to28 == null) {
            throw new IllegalArgumentException("day 28 can only have been interpolated for an AUC");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("explanation is required");
        }
    }
}
