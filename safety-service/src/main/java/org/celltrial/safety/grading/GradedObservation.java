package org.celltrial.safety.grading;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One observation graded by a rule (ASTCT CRS or ICANS), with the rule that decided the grade and the values behind
 * it, so that a reported grade can be explained; or an observation kept without a grade, with the reason
 * ({@link StudyClock#BEFORE_INFUSION}, {@link StudyClock#NOT_INFUSED}). This is what {@link EpisodeBuilder}
 * consumes; it passes over the ungraded ones.
 *
 * @param grade       0 (none) to 5 (death), the ASTCT scale; null when not graded
 * @param rule        the rule that decided the grade, e.g. "ASTCT CRS grade 2: low-flow oxygen (≤ 6 L/min nasal cannula
 *                    or blow-by)"; for an ungraded observation, why it is not graded
 * @param explanation the values the rule was applied to, for people
 * @param reason      why the observation is not graded; null when it is
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GradedObservation(Instant at, Integer grade, String rule, String explanation, String reason) {

    public GradedObservation {
        if (at == null) {
            throw new IllegalArgumentException("at is required");
        }
        if ((grade == null) == (reason == null)) {
            throw new IllegalArgumentException("an observation has a grade or a reason it has none, not both");
        }
        if (grade != null && (grade < 0 || grade > 5)) {
            throw new IllegalArgumentException("grade must be 0–5, was " + grade);
        }
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("rule is required");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("explanation is required");
        }
    }

    /** A graded observation. */
    public GradedObservation(Instant at, int grade, String rule, String explanation) {
        this(at, Integer.valueOf(grade), rule, explanation, null);
    }

    /** An observation kept without a grade. */
    public static GradedObservation notGraded(Instant at, String reason, String syndrome, String explanation) {
        return new GradedObservation(at, null, syndrome + " not graded: " + reason + " (graded from Day 0, the "
                + "infusion, on)", explanation, reason);
    }

    public boolean graded() {
        return grade != null;
    }
}
