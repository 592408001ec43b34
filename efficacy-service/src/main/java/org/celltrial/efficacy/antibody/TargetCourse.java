package org.celltrial.efficacy.antibody;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One glycoprotein target's autoantibody over time (docs/clinical-rules.md, Other efficacy measures).
 *
 * @param baseline      the last result on or before Day 0; null when there is none
 * @param series        every result of the target in date order
 * @param negativeSince the first result after Day 0 from which every later result is negative; null when the last
 *                      result is positive or there is none after Day 0
 * @param current       the last result's status
 */
public record TargetCourse(GpTarget target, AntibodyStatus baseline, List<Reading> series, LocalDate negativeSince,
        AntibodyStatus current) {

    public TargetCourse {
        if (target == null || current == null) {
            throw new IllegalArgumentException("target and current are required");
        }
        if (series == null || series.isEmpty() || series.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("series of " + target + " must hold at least one result, no nulls");
        }
        series = List.copyOf(series);
    }

    /**
     * One result read against its cut-off.
     *
     * @param studyDay    days since Day 0
     * @param explanation "OD 0.41 ≥ cut-off 0.30: positive"
     */
    public record Reading(LocalDate date, int studyDay, BigDecimal opticalDensity, BigDecimal cutoff,
            AntibodyStatus status, String explanation) {

        public Reading {
            if (date == null || opticalDensity == null || cutoff == null || status == null) {
                throw new IllegalArgumentException("date, opticalDensity, cutoff and status are required");
            }
            if (explanation == null || explanation.isBlank()) {
                throw new IllegalArgumentException("explanation of the result on " + date + " is required");
            }
        }
    }
}
