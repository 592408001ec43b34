package org.celltrial.safety.grading;

import java.time.Instant;
import java.util.List;

/**
 * A syndrome's course as api.md shows it: episodes (onset and resolution study days, max grade, the daily grade
 * with the rule that decided it), the max grade over the course, and every observation graded.
 */
public record CourseView(int maxGrade, List<EpisodeView> episodes, List<GradedObservation> observations) {

    public record EpisodeView(Instant onset, int onsetDay, Instant resolvedAt, Integer resolvedDay, int maxGrade,
            List<DailyGrade> days) {

        static EpisodeView of(Episode episode) {
            return new EpisodeView(episode.onset(), episode.onsetStudyDay(), episode.resolvedAt(),
                    episode.resolvedStudyDay(), episode.maxGrade(), episode.days());
        }
    }
}
