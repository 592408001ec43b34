package org.celltrial.enrollment.report;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * Median, minimum and maximum of some values, written without trailing zeros (9, not 9.0). The median of an
 * even count is the mean of the two middle values. Over no values all three are null.
 */
public record Distribution(BigDecimal median, BigDecimal min, BigDecimal max) {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public static Distribution of(Collection<BigDecimal> values) {
        if (values.isEmpty()) {
            return new Distribution(null, null, null);
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                // Half of a finite decimal is always finite, so the division is exact.
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(TWO);
        return new Distribution(median.stripTrailingZeros(), sorted.get(0).stripTrailingZeros(),
                sorted.get(n - 1).stripTrailingZeros());
    }

    public static Distribution ofWholeNumbers(Collection<Integer> values) {
        return of(values.stream().map(BigDecimal::valueOf).toList());
    }
}
