package org.celltrial.common.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ValueCountsTest {

    @ParameterizedTest(name = "{0}: median {1}, min {2}, max {3}")
    @CsvSource({
            "7,              7,    7,   7",
            "7 3,            5,    3,   7",
            "3 7 4,          4,    3,   7",
            "9 1 4 4,        4,    1,   9",
            "1 2,            1.5,  1,   2",
            "2 2 2 9 9,      2,    2,   9",
            "9 9 2 2,        5.5,  2,   9",
            "0.5 1.25,       0.875, 0.5, 1.25",
            "-3 10 10 10 -3 -3, 3.5, -3, 10"
    })
    void theMiddleValuesTheirExactMeanAndTheEndsInAnyOrder(String values, String median, String min, String max) {
        ValueCounts counts = new ValueCounts();
        List.of(values.split(" ")).forEach(value -> counts.add(new BigDecimal(value)));
        assertEquals(values.split(" ").length, counts.size());
        assertEquals(0, new BigDecimal(median).compareTo(counts.median()), "median " + counts.median());
        assertEquals(new BigDecimal(min), counts.min());
        assertEquals(new BigDecimal(max), counts.max());
    }

    @Test
    void wholeNumbersKeepTheirScaleAndAnEvenCountsMeanIsExact() {
        ValueCounts counts = new ValueCounts();
        counts.add(14);
        counts.add(15);
        assertEquals(new BigDecimal("14.5"), counts.median());
        counts.add(15);
        assertEquals(BigDecimal.valueOf(15), counts.median());
    }

    @Test
    void noValuesHaveNoMedianNorEnds() {
        ValueCounts counts = new ValueCounts();
        assertEquals(0, counts.size());
        assertNull(counts.median());
        assertNull(counts.min());
        assertNull(counts.max());
    }
}
