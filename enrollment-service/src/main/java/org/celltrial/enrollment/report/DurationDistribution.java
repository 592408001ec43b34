package org.celltrial.enrollment.report;

import java.math.BigDecimal;

/**
 * Median, minimum and maximum of the patients' durations, with their unit and the rule that computed them
 * (docs/clinical-rules.md, Reporting durations). Each figure is taken of the exact numbers of days and converted
 * once, to one decimal, half up: so the median is never rounded twice (two patients of 7.2991 and 7.6003 years,
 * shown as 7.3 and 7.6, have a median of 7.4497, reported as 7.4). Over no patients the figures are null; unit and
 * rule are always stated.
 *
 * @param unit "years" or "months" ({@link DurationUnit#label()})
 * @param rule how each patient's duration and the median are computed, in words
 */
public record DurationDistribution(BigDecimal median, BigDecimal min, BigDecimal max, String unit, String rule) {

    /** The distribution of the patients' numbers of days, {@code inDays}, in {@code unit}. */
    public static DurationDistribution of(Distribution inDays, DurationUnit unit, String rule) {
        return new DurationDistribution(inUnit(inDays.median(), unit), inUnit(inDays.min(), unit),
                inUnit(inDays.max(), unit), unit.label(), rule);
    }

    private static BigDecimal inUnit(BigDecimal days, DurationUnit unit) {
        return days == null ? null : unit.of(days);
    }
}
