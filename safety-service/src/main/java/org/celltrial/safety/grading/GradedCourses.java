package org.celltrial.safety.grading;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.safety.ae.AdverseEventService.Derived;
import org.celltrial.safety.ctcae.CtcaeTerm;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns graded observations into a course (episodes, ASTCT) and into the adverse events the episodes are: one
 * event per episode, at its max grade, with the rule of its worst day. Shared by CRS and ICANS.
 */
@ApplicationScoped
public class GradedCourses {

    private final EpisodeBuilder episodes = new EpisodeBuilder();

    /** Where study days turn over: the site's time zone (one per study for now). */
    @ConfigProperty(name = "celltrial.safety.zone", defaultValue = "UTC")
    ZoneId zone;

    /** How long without grade ≥ 1 ends an episode (ASTCT consensus; the protocol's choice, default 24 h). */
    @ConfigProperty(name = "celltrial.safety.episode-resolution-window", defaultValue = "PT24H")
    Duration resolutionWindow;

    public CourseView course(List<GradedObservation> graded, LocalDate day0) {
        List<Episode> found = day0 == null ? List.of() : episodes.episodes(graded, day0, resolutionWindow, zone);
        return new CourseView(found.stream().mapToInt(Episode::maxGrade).max().orElse(0),
                found.stream().map(CourseView.EpisodeView::of).toList(), graded);
    }

    public List<Derived> events(CourseView course, CtcaeTerm term, String syndrome, String engine) {
        return course.episodes().stream().map(episode -> {
            DailyGrade worst = episode.days().stream().max(Comparator.comparingInt(DailyGrade::grade)).orElseThrow();
            return new Derived(episode.onset().toString(), term, episode.onset().atZone(zone).toLocalDate(),
                    episode.maxGrade(), syndrome + " max grade " + episode.maxGrade() + " on study day "
                            + worst.studyDay() + ": " + worst.rule(),
                    episode.resolvedAt() == null ? null : episode.resolvedAt().atZone(zone).toLocalDate(), engine);
        }).toList();
    }
}
