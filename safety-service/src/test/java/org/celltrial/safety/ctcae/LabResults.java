package org.celltrial.safety.ctcae;

import java.math.BigDecimal;

/** Lab results for the grader's tests: limits may be null (not reported). */
final class LabResults {

    private LabResults() {
    }

    static LabResult lab(Analyte analyte, String value, String unit, String lowerLimitNormal,
            String upperLimitNormal) {
        return lab(analyte, new BigDecimal(value), unit, decimal(lowerLimitNormal), decimal(upperLimitNormal));
    }

    static LabResult lab(Analyte analyte, BigDecimal value, String unit, BigDecimal lowerLimitNormal,
            BigDecimal upperLimitNormal) {
        return new LabResult(analyte, value, unit, lowerLimitNormal, upperLimitNormal);
    }

    /** The same analyte, unit and normal range with another value; null for no value. */
    static LabResult withValue(LabResult result, BigDecimal valueOrNull) {
        return valueOrNull == null ? null : lab(result.analyte(), valueOrNull, result.unit(),
                result.lowerLimitNormal(), result.upperLimitNormal());
    }

    private static BigDecimal decimal(String valueOrNull) {
        return valueOrNull == null ? null : new BigDecimal(valueOrNull);
    }
}
