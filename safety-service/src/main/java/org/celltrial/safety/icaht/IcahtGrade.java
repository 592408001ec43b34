package org.celltrial.safety.icaht;

/**
 * An immune effector cell-associated hematotoxicity (ICAHT) grade, from neutrophils (EHA/EBMT: Rejeski K et al.,
 * Blood 2023;142:865-877) or platelets (T-ICAHT: Rejeski K et al., Blood 2025), with the rule that decided it and the
 * values behind it (docs/clinical-rules.md, "Hematotoxicity").
 *
 * <p>The day counts keep the names clients read; they count the days the threshold was met: at or below it for ANC,
 * below it for platelets, whose published thresholds are strict.
 *
 * @param kind                            {@link #EARLY} (days 0–30, from the days counted) or {@link #LATE} (after
 *                                        day 30, from the lowest confirmed count)
 * @param daysAtOrBelowSevereThreshold    early: days meeting the severe threshold (ANC ≤ 0.5, platelets &lt; 50
 *                                        ×10⁹/L); late: 0, as the late grade is from the lowest confirmed count
 * @param daysAtOrBelowProfoundThreshold  early: days meeting the profound threshold (ANC ≤ 0.1, platelets &lt; 20
 *                                        ×10⁹/L); late T-ICAHT: days with platelets &lt; 20 ×10⁹/L in days 31–100;
 *                                        late ANC: 0
 * @param rule                            the standard, the grade and the criterion that decided it
 * @param explanation                     the days counted, the samples, the value carried forward and where counting
 *                                        stopped
 * @param carriedForward                  the sample dated before the counted days whose value held into their first
 *                                        day (Day 0, or day 31 for late T-ICAHT); null when none did
 * @param stop                            where counting stopped within the graded days; null when it did not
 */
public record IcahtGrade(int grade, String kind, int daysAtOrBelowSevereThreshold, int daysAtOrBelowProfoundThreshold,
        String rule, String explanation, CountSample carriedForward, CountingStop stop) {

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
