package org.celltrial.safety.ctcae;

import java.math.BigDecimal;

/**
 * One laboratory result with the normal range the laboratory reported with it (CTCAE v5.0 grades against LLN and
 * ULN). The limits are in the unit of the value.
 *
 * @param unit             UCUM, e.g. "10*9/L", "g/dL", "U/L"
 * @param lowerLimitNormal LLN, null when the laboratory gives none
 * @param upperLimitNormal ULN, null when the laboratory gives none
 */
public record LabResult(Analyte analyte, BigDecimal value, String unit, BigDecimal lowerLimitNormal,
        BigDecimal upperLimitNormal) {

    public LabResult {
        if (analyte == null) {
            throw new IllegalArgumentException("analyte is required");
        }
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException("value of " + analyte + " must not be negative, was " + value);
        }
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("unit of " + analyte + " is required");
        }
        if (lowerLimitNormal != null && lowerLimitNormal.signum() < 0
                || upperLimitNormal != null && upperLimitNormal.signum() < 0) {
            throw new IllegalArgumentException("normal limits of " + analyte + " must not be negative");
        }
        if (lowerLimitNormal != null && upperLimitNormal != null && lowerLimitNormal.compareTo(upperLimitNormal) > 0) {
            throw new IllegalArgumentException("LLN " + lowerLimitNormal + " of " + analyte + " is above its ULN "
                    + upperLimitNormal);
        }
    }
}
