package org.celltrial.safety.icaht;

/**
 * An immune effector cell-associated hematotoxicity (ICAHT) grade (EHA/EBMT: Rejeski K et al., Blood
 * 2023;142:865-877), with the rule that decided it and the values behind it.
 *
 * @param kind                            {@link #EARLY} (days 0–30, from the days counted) or {@link #LATE} (after
 *                                        day 30, from the lowest confirmed count)
 * @param daysAtOrBelowSevereThreshold    early: days at or below the severe threshold (ANC 0.5 ×10⁹/L); late: 0, as
 *                                        late ICAHT is graded from the nadir, not from days
 * @param daysAtOrBelowProfoundThreshold  early: days at or below the profound threshold (ANC 0.1 ×10⁹/L); late: 0
 */
public record IcahtGrade(int grade, String kind, int daysAtOrBelowSevereThreshold, int daysAtOrBelowProfoundThreshold,
        String rule, String explanation) {

    public static final String EARLY = "early";
    public static final String LATE = "late";

    public IcahtGrade {
        if (grade < 0 || grade > 4) {
            throw new IllegalArgumentException("an ICAHT grade is 0–4, was " + grade);
        }
        if (!EARLY.equals(kind) && !LATE.equals(kind)) {
            throw new IllegalArgumentException("kind must be " + EARLY + " or " + LATE + ", was " + kind);
        }
        if (daysAtOrBelowSevereThreshold < 0 || daysAtOrBelowProfoundThreshold < 0) {
            throw new IllegalArgumentException("day counts must not be negative");
        }
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("rule is required");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("explanation is required");
        }
    }
}
