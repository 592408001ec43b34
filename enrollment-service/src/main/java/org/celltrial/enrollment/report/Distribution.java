package org.celltrial.enrollment.report;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Median, minimum and maximum of some values, written without trailing zeros (9, not 9.0). The median of an
 * even count is the mean of the two middle values. Over no values all three are null.
 */
public record Distribution(BigDecimal median, BigDecimal min, BigDecimal max) {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public static Distribution of(Collection<BigDecimal> values) {
        Counts counts = new Counts();
        values.forEach(counts::add);
        return counts.distribution();
    }

    public static Distribution ofWholeNumbers(Collection<Integer> values) {
        return of(values.stream().map(BigDecimal::valueOf).toList());
    }

    /**
     * Values counted as they come, one count per distinct value, so a summary adds its patients up a page at a time:
     * the memory grows with the values' range (ages, days, counts), not with how many patients there are.
     */
    public static final class Counts {

        private final TreeMap<BigDecimal, Integer> counts = new TreeMap<>();
        private int size;

        public void add(BigDecimal value) {
            counts.merge(value, 1, Integer::sum);
            size++;
        }

        public void add(long value) {
            add(BigDecimal.valueOf(value));
        }

        public Distribution distribution() {
            if (size == 0) {
                return new Distribution(null, null, null);
            }
            BigDecimal median = size % 2 == 1 ? at(size / 2)
                    // Half of a finite decimal is always finite, so the division is exact.
                    : at(size / 2 - 1).add(at(size / 2)).divide(TWO);
            return new Distribution(median.stripTrailingZeros(), counts.firstKey().stripTrailingZeros(),
                    counts.lastKey().stripTrailingZeros());
        }

        /** The value at {@code index} (from 0) of the values in order. */
        private BigDecimal at(int index) {
            int passed = 0;
            for (Map.Entry<BigDecimal, Integer> value : counts.entrySet()) {
                passed += value.getValue();
                if (passed > index) {
                    return value.getKey();
                }
            }
            throw new IllegalStateException("index " + index + " of " + size + " values");
        }
    }
}
