package org.celltrial.enrollment.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The units the summaries report durations in (docs/clinical-rules.md, Reporting durations): a number of days over
 * the mean length of the unit in the Gregorian calendar, to one decimal, half up. Never completed units: 7294 days
 * are 20.0 years, not 19.
 */
public enum DurationUnit {

    YEARS("years", new BigDecimal("365.25")),
    MONTHS("months", new BigDecimal("30.4375"));

    private final String label;
    private final BigDecimal daysPerUnit;

    DurationUnit(String label, BigDecimal daysPerUnit) {
        this.label = label;
        this.daysPerUnit = daysPerUnit;
    }

    /** The unit's name as the summaries state it beside a duration ("years", "months"). */
    public String label() {
        return label;
    }

    /** The days from {@code from} to {@code to} in this unit, to one decimal, half up. */
    public BigDecimal between(LocalDate from, LocalDate to) {
        return of(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to)));
    }

    /** A number of days (a median may end in .5) in this unit, to one decimal, half up. */
    public BigDecimal of(BigDecimal days) {
        return days.divide(daysPerUnit, 1, RoundingMode.HALF_UP);
    }

    /** How a duration of {@code what} is computed in this unit, in words, for the summaries to state beside it. */
    public String rule(String what) {
        return what + ": days / " + daysPerUnit.toPlainString() + ", to one decimal, half up";
    }
}
