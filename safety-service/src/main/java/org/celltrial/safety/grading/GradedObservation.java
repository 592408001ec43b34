package org.celltrial.safety.grading;

import java.time.Instant;

/**
 * One observation graded by a rule (ASTCT CRS or ICANS, CTCAE fever), with the rule that decided the grade and the
 * values behind it, so that a reported grade can be explained. This is what {@link EpisodeBuilder} consumes.
 *
 * @param grade       0 (none) to 5 (death): the ASTCT and CTCAE scales
 * @param rule        the rule that decided the grade, e.g. "ASTCT CRS grade 2: low-flow oxygen (≤ 6 L/min nasal cannula
 *                    or blow-by)"
 * @param explanation the values the rule was applied to, for people
 */
public record GradedObservation(Instant at, int grade, String rule, String explanation) {

    public GradedObservation {
        if (at == null) {
            throw new IllegalArgumentException("at is required");
        }
        if (grade < 0 || grade > 5) {
            throw new IllegalArgumentException("grade must be 0–5, was " + grade);
        }
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("rule is required");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("explanation is required");
        }
    }
}
