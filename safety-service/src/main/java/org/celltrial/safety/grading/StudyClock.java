package org.celltrial.safety.grading;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Study time for one patient: Day 0 is the infusion date in the study's time zone, days before it are negative
 * (docs/clinical-rules.md, Dosing: study day). CRS and ICANS come from the infused cells, so they are graded only
 * from Day 0 on (docs/clinical-rules.md, CRS and ICANS; ASTCT consensus, Lee DW et al., Biol Blood Marrow
 * Transplant 2019;25:625-638): an observation made earlier, or for a patient not yet infused, is kept ungraded.
 *
 * @param day0 the infusion date; null while the patient has not been infused
 */
public record StudyClock(LocalDate day0, ZoneId zone) {

    public static final String BEFORE_INFUSION = "before infusion";
    public static final String NOT_INFUSED = "not infused";

    public StudyClock {
        if (zone == null) {
            throw new IllegalArgumentException("zone is required");
        }
    }

    public LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** Days from Day 0 to the local date of the instant; negative before it. */
    public int studyDay(Instant at) {
        if (day0 == null) {
            throw new IllegalStateException("no study day before the infusion is recorded");
        }
        return Math.toIntExact(ChronoUnit.DAYS.between(day0, date(at)));
    }

    /** Why an observation at this instant is not graded for CRS or ICANS, or empty when it is. */
    public Optional<String> notGradedReason(Instant at) {
        if (day0 == null) {
            return Optional.of(NOT_INFUSED);
        }
        return date(at).isBefore(day0) ? Optional.of(BEFORE_INFUSION) : Optional.empty();
    }
}
