package org.celltrial.safety.grading;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One episode of a graded syndrome (CRS or ICANS, ASTCT consensus: Lee DW et al., Biol Blood Marrow Transplant
 * 2019;25:625-638), as {@link EpisodeBuilder} delimits it; its grade is the maximum reached.
 *
 * @param resolvedAt       the grade-0 observation that resolved it; null while it is ongoing
 * @param resolvedStudyDay the study day of {@code resolvedAt}; null while it is ongoing
 * @param days             per study day, the worst observation from the onset to the last grade ≥ 1 observation
 */
public record Episode(Instant onset, int onsetStudyDay, Instant resolvedAt, Integer resolvedStudyDay, int maxGrade,
        List<DailyGrade> days) {

    public Episode {
        if (onset == null) {
            throw new IllegalArgumentException("onset is required");
        }
        if ((resolvedAt == null) != (resolvedStudyDay == null)) {
            throw new IllegalArgumentException("resolvedAt and resolvedStudyDay are given together or not at all");
        }
        if (resolvedAt != null && resolvedAt.isBefore(onset)) {
            throw new IllegalArgumentException("resolvedAt " + resolvedAt + " is before the onset " + onset);
        }
        if (maxGrade < 1 || maxGrade > 5) {
            throw new IllegalArgumentException("maxGrade of an episode must be 1–5, was " + maxGrade);
        }
        if (days == null || days.isEmpty() || days.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("days must list at least one study day and contain no nulls");
        }
        days = List.copyOf(days);
    }
}
