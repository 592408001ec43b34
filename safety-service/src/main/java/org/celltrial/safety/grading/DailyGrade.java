package org.celltrial.safety.grading;

import java.time.Instant;

/**
 * The worst observation of one study day within an {@link Episode}: its grade, the rule that decided it and the
 * values behind it (ASTCT reports CRS and ICANS day by day).
 *
 * @param studyDay days from the infusion date (Day 0), negative before it
 * @param at       when that worst observation was made
 */
public record DailyGrade(int studyDay, int grade, String rule, String explanation, Instant at) {

    public DailyGrade {
        if (grade < 0 || grade > 5) {
            throw new IllegalArgumentException("grade must be 0–5, was " + grade);
        }
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("rule is required");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("explanation is required");
        }
        if (at == null) {
            throw new IllegalArgumentException("at is required");
        }
    }

    static DailyGrade of(int studyDay, GradedObservation observation) {
        return new DailyGrade(studyDay, observation.grade(), observation.rule(), observation.explanation(),
                observation.at());
    }
}
