package org.celltrial.benchmarks;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.celltrial.safety.crs.CrsGrader;
import org.celltrial.safety.crs.Hypotension;
import org.celltrial.safety.crs.OxygenSupport;
import org.celltrial.safety.crs.VitalsObservation;
import org.celltrial.safety.grading.Episode;
import org.celltrial.safety.grading.EpisodeBuilder;
import org.celltrial.safety.grading.StudyClock;
import org.celltrial.safety.grading.GradedObservation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CRS grading of one patient's course as safety-service does it for every view of the course: the first 30 days
 * after infusion, vitals every 4 hours (180 observations), graded by {@link CrsGrader#gradeAll} and grouped into
 * episodes by {@link EpisodeBuilder#episodes}.
 *
 * <p>The course is a typical one: afebrile Days 0–1, fever from Day 2, low-flow oxygen on Day 3 when tocilizumab
 * is given (waiving fever for the rest of that episode), a hypotensive afebrile observation under that waiver,
 * resolution by Day 5, a second short fever on Day 9, then afebrile to Day 30: two episodes, grades 2 and 1.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CrsGradingBenchmark {

    static final LocalDate DAY_0 = LocalDate.parse("2025-03-02");
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final int DAYS = 30;
    static final int EVERY_HOURS = 4;

    /** The reference protocol's episode window (docs/clinical-rules.md, Protocol settings). */
    static final Duration WINDOW = Duration.ofHours(24);
    static final StudyClock CLOCK = new StudyClock(DAY_0, ZONE);

    private final CrsGrader grader = new CrsGrader(WINDOW);
    private final EpisodeBuilder episodeBuilder = new EpisodeBuilder();

    private List<VitalsObservation> vitals;
    private List<GradedObservation> graded;

    @Setup
    public void setUp() {
        vitals = course();
        graded = grader.gradeAll(vitals, CLOCK);
        // The inputs must stay what the javadoc says, or the figures measure something else.
        List<Episode> episodes = episodes(graded);
        if (vitals.size() != DAYS * 24 / EVERY_HOURS || episodes.size() != 2
                || episodes.get(0).maxGrade() != 2 || episodes.get(0).resolvedAt() == null
                || episodes.get(1).maxGrade() != 1 || episodes.get(1).resolvedAt() == null) {
            throw new IllegalStateException("unexpected course: " + vitals.size() + " observations, " + episodes);
        }
    }

    /** Grading alone: 180 observations. */
    @Benchmark
    public List<GradedObservation> gradeAll() {
        return grader.gradeAll(vitals, CLOCK);
    }

    /** Episodes alone, from the 180 graded observations. */
    @Benchmark
    public List<Episode> episodes() {
        return episodes(graded);
    }

    /** Both, as the course view does: grade, then group. */
    @Benchmark
    public List<Episode> gradeAllThenEpisodes() {
        return episodes(grader.gradeAll(vitals, CLOCK));
    }

    private List<Episode> episodes(List<GradedObservation> observations) {
        return episodeBuilder.episodes(observations, DAY_0, WINDOW, ZONE);
    }

    /** Every 4 hours from 06:00 on Day 0, site time, for 30 days. */
    static List<VitalsObservation> course() {
        ZonedDateTime first = DAY_0.atTime(6, 0).atZone(ZONE);
        Instant tocilizumab = DAY_0.plusDays(3).atTime(14, 0).atZone(ZONE).toInstant();
        List<VitalsObservation> course = new ArrayList<>();
        for (int index = 0; index < DAYS * 24 / EVERY_HOURS; index++) {
            Instant at = first.toInstant().plus(Duration.ofHours((long) index * EVERY_HOURS));
            int hour = index * EVERY_HOURS; // since the first observation
            // Afebrile baseline with a small diurnal wobble: 36.4–37.2 °C.
            BigDecimal temperature = BigDecimal.valueOf(364 + (index * 7) % 9, 1);
            Hypotension hypotension = Hypotension.NONE;
            OxygenSupport oxygen = OxygenSupport.NONE;
            if (hour >= 48 && hour < 72) { // Day 2: fever alone
                temperature = BigDecimal.valueOf(383 + (index * 3) % 9, 1);
            } else if (hour >= 72 && hour < 84) { // Day 3: fever, low-flow oxygen
                temperature = BigDecimal.valueOf(388 + index % 4, 1);
                oxygen = OxygenSupport.LOW_FLOW;
            } else if (hour >= 84 && hour < 92) { // after tocilizumab: afebrile, hypotension then oxygen
                temperature = BigDecimal.valueOf(372 + index % 3, 1);
                hypotension = hour < 88 ? Hypotension.NO_VASOPRESSOR : Hypotension.NONE;
                oxygen = OxygenSupport.LOW_FLOW;
            } else if (hour >= 216 && hour < 224) { // Day 9 morning: a short fever
                temperature = BigDecimal.valueOf(381 + index % 2, 1);
            }
            course.add(new VitalsObservation(at, temperature, hypotension, oxygen, !at.isBefore(tocilizumab)));
        }
        return List.copyOf(course);
    }
}
