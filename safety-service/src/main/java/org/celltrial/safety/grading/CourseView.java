package org.celltrial.safety.grading;

import java.time.Instant;
import java.util.List;

/**
 * A syndrome's course as docs/api.md shows it: episodes (onset and resolution study days, max grade, the daily
 * grade with the rule that decided it), the max grade over the course, every observation graded (or why not),
 * and the protocol version and engine it was graded under.
 */
public record CourseView(int maxGrade, List<EpisodeView> episodes, List<GradedObservation> observations,
        int protocolVersion, String engine) {

    public record EpisodeView(Instant onset, int onsetDay, Instant resolvedAt, Integer resolvedDay, int maxGrade,
            List<DailyGrade> days) {

        static EpisodeView of(Episode episode) {
            return new EpisodeView(episode.onset(), episode.onsetStudyDay(), episode.resolvedAt(),
                    episode.resolvedStudyDay(), episode.maxGrade(), episode.days());
        }
    }
}
