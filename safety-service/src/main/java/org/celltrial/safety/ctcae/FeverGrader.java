package org.celltrial.safety.ctcae;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.celltrial.safety.grading.GradedObservation;

/**
 * Grades the CTCAE v5.0 (NCI, 2017) term Fever: 38.0–39.0 °C → 1 (38.0 inclusive, 39.0 inclusive); &gt; 39.0–40.0 °C
 * → 2 (40.0 inclusive); &gt; 40.0 °C for at most 24 h → 3; &gt; 40.0 °C for more than 24 h → 4. Below 38.0 °C → 0.
 */
public final class FeverGrader {

    private static final Duration GRADE_4_LONGER_THAN = Duration.ofHours(24);

    /** One row of the CTCAE table, worst first: the temperature beyond which it applies. */
    private record Band(int grade, BigDecimal fromC, boolean inclusive, boolean longerThan24h, String criterion) {
    }

    private static final List<Band> WORST_FIRST = List.of(
            new Band(4, new BigDecimal("40.0"), false, true, ">40.0 degrees C for >24 hrs"),
            new Band(3, new BigDecimal("40.0"), false, false, ">40.0 degrees C for <=24 hrs"),
            new Band(2, new BigDecimal("39.0"), false, false, ">39.0 - 40.0 degrees C"),
            new Band(1, new BigDecimal("38.0"), true, false, "38.0 - 39.0 degrees C"));

    /**
     * @param above40CFor how long the temperature has been above 40.0 °C up to this measurement (zero if not)
     */
    public GradedObservation grade(Instant at, BigDecimal temperatureC, Duration above40CFor) {
        if (temperatureC == null) {
            throw new IllegalArgumentException("temperatureC is required");
        }
        if (above40CFor == null || above40CFor.isNegative()) {
            throw new IllegalArgumentException("above40CFor must be zero or positive, was " + above40CFor);
        }
        boolean longerThan24h = above40CFor.compareTo(GRADE_4_LONGER_THAN) > 0;
        String explanation = "temperature " + temperatureC.toPlainString() + " °C, above 40.0 °C for "
                + above40CFor.toMinutes() + " min";
        String term = "CTCAE v5.0 " + CtcaeTerm.FEVER.term() + " grade ";
        for (Band band : WORST_FIRST) {
            int comparison = temperatureC.compareTo(band.fromC());
            boolean reached = comparison > 0 || band.inclusive() && comparison == 0;
            if (reached && (longerThan24h || !band.longerThan24h())) {
                return new GradedObservation(at, band.grade(), term + band.grade() + ": " + band.criterion(),
                        explanation);
            }
        }
        return new GradedObservation(at, 0, term + "0: below 38.0 degrees C", explanation);
    }
}
