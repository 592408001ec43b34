package org.celltrial.safety.ctcae;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.celltrial.safety.grading.GradingSettings.LabBaselineAnchor;

/**
 * Which result of one analyte is the patient's baseline (docs/clinical-rules.md, CTCAE): the last result dated on
 * or before the protocol's anchor (the first lymphodepletion day, or Day 0) and no more than the look-back window
 * before it. Without an anchor (a patient not yet treated) or without a result in that window there is no
 * baseline, and results are graded against their normal range and the absolute thresholds only. Of results on the
 * same date the last in the list counts (lists come in time order, then entry order).
 */
public final class LabBaselineRule {

    private final int lookBackDays;

    public LabBaselineRule(int lookBackDays) {
        if (lookBackDays < 0) {
            throw new IllegalArgumentException("lookBackDays must not be negative, was " + lookBackDays);
        }
        this.lookBackDays = lookBackDays;
    }

    /**
     * @param chronological one analyte's results in time order
     * @param date          each result's date in the study's time zone
     * @param anchorOrNull  the day the baseline is anchored on; null when the patient has none yet
     */
    public <T> Optional<T> baseline(List<T> chronological, Function<T, LocalDate> date, LocalDate anchorOrNull) {
        if (anchorOrNull == null) {
            return Optional.empty();
        }
        LocalDate earliest = anchorOrNull.minusDays(lookBackDays);
        return chronological.stream()
                .filter(result -> !date.apply(result).isAfter(anchorOrNull) && !date.apply(result).isBefore(earliest))
                .reduce((earlier, later) -> later);
    }

    /**
     * The day a baseline is anchored on: the first lymphodepletion day given (Day 0 when lymphodepletion was
     * omitted), or Day 0, as the protocol says; null while neither has happened.
     */
    public static LocalDate anchor(LabBaselineAnchor anchor, LocalDate lymphodepletionStartOrNull,
            LocalDate day0OrNull) {
        return switch (anchor) {
            case FIRST_LYMPHODEPLETION_DAY -> lymphodepletionStartOrNull != null ? lymphodepletionStartOrNull
                    : day0OrNull;
            case DAY_0 -> day0OrNull;
        };
    }

    /** The results that can open an adverse event: those dated after the anchor (none without one). */
    public static boolean afterAnchor(LocalDate resultDate, LocalDate anchorOrNull) {
        return anchorOrNull != null && resultDate.isAfter(anchorOrNull);
    }
}
