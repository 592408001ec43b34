package org.celltrial.enrollment.report;

import java.math.BigDecimal;
import java.util.Collection;

import org.celltrial.common.figures.ValueCounts;

/**
 * Median, minimum and maximum of some values, written without trailing zeros (9, not 9.0). The median of an
 * even count is the mean of the two middle values. Over no values all three are null.
 */
public record Distribution(BigDecimal median, BigDecimal min, BigDecimal max) {

    public static Distribution of(Collection<BigDecimal> values) {
        ValueCounts counts = new ValueCounts();
        values.forEach(counts::add);
        return of(counts);
    }

    public static Distribution ofWholeNumbers(Collection<Integer> values) {
        return of(values.stream().map(BigDecimal::valueOf).toList());
    }

    /** Of values counted a page at a time ({@link ValueCounts}). */
    public static Distribution of(ValueCounts counts) {
        return new Distribution(stripped(counts.median()), stripped(counts.min()), stripped(counts.max()));
    }

    private static BigDecimal stripped(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
