package org.celltrial.safety.grading;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Groups graded observations of one syndrome into episodes; shared by CRS and ICANS. ASTCT consensus (Lee DW et al.,
 * Biol Blood Marrow Transplant 2019;25:625-638) grades an episode by the maximum reached; docs/clinical-rules.md,
 * Episodes: an episode ends when no grade ≥ 1 is present for the protocol's window (default 24 h).
 *
 * <p>Precisely, with P the last grade ≥ 1 observation of an episode:
 * <ul>
 * <li>An episode starts at the first grade ≥ 1 observation that belongs to no earlier episode.</li>
 * <li>A grade ≥ 1 observation at most {@code resolutionWindow} after P (inclusive) belongs to the same episode.</li>
 * <li>The episode is resolved at the first grade-0 observation after P, provided no grade ≥ 1 observation comes
 * within the window after P and the observations reach at least P + window (inclusive). Otherwise it is ongoing
 * ({@code resolvedAt} null): the window has not been observed yet.</li>
 * <li>A grade ≥ 1 observation more than the window after P starts a new episode, but only if a grade-0 observation
 * came between them. A gap in monitoring is not a documented resolution, so without one the episode goes on.</li>
 * </ul>
 * Observations are taken in time order (a stable sort, so simultaneous ones keep their given order); those kept
 * without a grade (before Day 0) take no part.
 */
public final class EpisodeBuilder {

    /**
     * @param day0 the infusion date: study day = days from it to the local date of the observation in {@code zone}
     */
    public List<Episode> episodes(List<GradedObservation> observations, LocalDate day0, Duration resolutionWindow,
            ZoneId zone) {
        if (observations == null || observations.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("observations are required and must contain no nulls");
        }
        if (day0 == null || zone == null) {
            throw new IllegalArgumentException("day0 and zone are required");
        }
        if (resolutionWindow == null || resolutionWindow.isNegative() || resolutionWindow.isZero()) {
            throw new IllegalArgumentException("resolutionWindow must be positive, was " + resolutionWindow);
        }
        List<GradedObservation> chronological = observations.stream()
                .filter(GradedObservation::graded)
                .sorted(Comparator.comparing(GradedObservation::at))
                .toList();

        List<Episode> episodes = new ArrayList<>();
        // The open episode's observations from its onset up to its last grade ≥ 1 observation P ...
        List<GradedObservation> episode = new ArrayList<>();
        // ... and the grade-0 observations since P, which may resolve it.
        List<GradedObservation> sinceLastPositive = new ArrayList<>();
        for (GradedObservation observation : chronological) {
            if (observation.grade() == 0) {
                if (!episode.isEmpty()) {
                    sinceLastPositive.add(observation);
                }
                continue;
            }
            if (!episode.isEmpty() && !sinceLastPositive.isEmpty()
                    && observation.at().isAfter(lastOf(episode).at().plus(resolutionWindow))) {
                episodes.add(episode(episode, sinceLastPositive.get(0), day0, zone));
                episode.clear();
                sinceLastPositive.clear();
            }
            episode.addAll(sinceLastPositive);
            sinceLastPositive.clear();
            episode.add(observation);
        }
        if (!episode.isEmpty()) {
            Instant observedUntil = lastOf(chronological).at();
            boolean windowObserved = !observedUntil.isBefore(lastOf(episode).at().plus(resolutionWindow));
            GradedObservation resolution = windowObserved && !sinceLastPositive.isEmpty()
                    ? sinceLastPositive.get(0)
                    : null;
            episodes.add(episode(episode, resolution, day0, zone));
        }
        return List.copyOf(episodes);
    }

    /** Study day of an instant: Day 0 is the infusion date, days before it are negative. */
    private static int studyDay(Instant at, LocalDate day0, ZoneId zone) {
        return Math.toIntExact(ChronoUnit.DAYS.between(day0, LocalDate.ofInstant(at, zone)));
    }

    private static Episode episode(List<GradedObservation> observations, GradedObservation resolutionOrNull,
            LocalDate day0, ZoneId zone) {
        // Per study day the worst observation; on a tie the earliest, when that grade was first reached.
        Map<Integer, GradedObservation> worstByDay = new TreeMap<>();
        for (GradedObservation observation : observations) {
            worstByDay.merge(studyDay(observation.at(), day0, zone), observation,
                    (worst, next) -> next.grade() > worst.grade() ? next : worst);
        }
        List<DailyGrade> days = worstByDay.entrySet().stream()
                .map(day -> DailyGrade.of(day.getKey(), day.getValue()))
                .toList();
        int maxGrade = observations.stream().mapToInt(GradedObservation::grade).max().orElseThrow();
        Instant onset = observations.get(0).at();
        return resolutionOrNull == null
                ? new Episode(onset, studyDay(onset, day0, zone), null, null, maxGrade, days)
                : new Episode(onset, studyDay(onset, day0, zone), resolutionOrNull.at(),
                        studyDay(resolutionOrNull.at(), day0, zone), maxGrade, days);
    }

    private static GradedObservation lastOf(List<GradedObservation> observations) {
        return observations.get(observations.size() - 1);
    }
}
