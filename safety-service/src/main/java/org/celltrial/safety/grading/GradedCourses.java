package org.celltrial.safety.grading;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.common.enrollment.PatientReference;
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

    public StudyClock clock(PatientReference patient) {
        return new StudyClock(patient.day0(), zone);
    }

    /** @param engine the grader's version, shown with the course and stored with its adverse events */
    public CourseView course(List<GradedObservation> graded, StudyClock clock, GradingSettings settings,
            String engine) {
        List<Episode> found = clock.day0() == null ? List.of()
                : episodes.episodes(graded, clock.day0(), settings.episodeResolutionWindow(), zone);
        return new CourseView(found.stream().mapToInt(Episode::maxGrade).max().orElse(0),
                found.stream().map(CourseView.EpisodeView::of).toList(), graded, settings.protocolVersion(), engine);
    }

    public List<Derived> events(CourseView course, CtcaeTerm term, String syndrome) {
        return course.episodes().stream().map(episode -> {
            DailyGrade worst = episode.days().stream().max(Comparator.comparingInt(DailyGrade::grade)).orElseThrow();
            return new Derived(episode.onset().toString(), term, episode.onset().atZone(zone).toLocalDate(),
                    episode.maxGrade(), syndrome + " max grade " + episode.maxGrade() + " on study day "
                            + worst.studyDay() + ": " + worst.rule(),
                    episode.resolvedAt() == null ? null : episode.resolvedAt().atZone(zone).toLocalDate(),
                    course.engine(), course.protocolVersion());
        }).toList();
    }
}
