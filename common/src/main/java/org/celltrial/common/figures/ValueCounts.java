package org.celltrial.common.figures;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values counted as they come, one count per distinct value, for a report's medians: a summary adds its patients up a
 * page at a time, and what it holds grows with the values' range (ages, days, counts), not with how many patients
 * there are. Each report writes the median its own way (docs/clinical-rules.md, Reporting durations); the middle
 * values and their mean are here.
 */
public final class ValueCounts {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final TreeMap<BigDecimal, Integer> counts = new TreeMap<>();
    private int size;

    public void add(BigDecimal value) {
        counts.merge(value, 1, Integer::sum);
        size++;
    }

    public void add(long value) {
        add(BigDecimal.valueOf(value));
    }

    public int size() {
        return size;
    }

    /**
     * The middle value of an odd count, the exact mean of the two middle values of an even one (half of a finite
     * decimal is finite, so the division is exact); null of no values.
     */
    public BigDecimal median() {
        if (size == 0) {
            return null;
        }
        return size % 2 == 1 ? at(size / 2) : at(size / 2 - 1).add(at(size / 2)).divide(TWO);
    }

    /** The least value; null of no values. */
    public BigDecimal min() {
        return size == 0 ? null : counts.firstKey();
    }

    /** The greatest value; null of no values. */
    public BigDecimal max() {
        return size == 0 ? null : counts.lastKey();
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
