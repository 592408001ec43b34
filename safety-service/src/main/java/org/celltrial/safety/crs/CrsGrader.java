package org.celltrial.safety.crs;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.celltrial.safety.grading.GradedObservation;
import org.celltrial.safety.grading.StudyClock;

/**
 * Grades cytokine release syndrome by the ASTCT consensus (Lee DW et al., Biol Blood Marrow Transplant
 * 2019;25:625-638; docs/clinical-rules.md, CRS).
 * <ul>
 * <li>Only from Day 0 (the infusion) on: an earlier observation, or one of a patient not yet infused, is kept
 * without a grade and takes no part in episodes or fever waivers.</li>
 * <li>Fever is a temperature ≥ 38.0 °C. With fever, the grade is the worse of hypotension and hypoxia: 1 fever
 * alone; 2 hypotension not needing vasopressors or low-flow oxygen; 3 one vasopressor or high-flow oxygen; 4 several
 * vasopressors or positive pressure. Without fever it is 0.</li>
 * <li>Fever waiver: in a patient who already has CRS (an open episode, which can only start with fever),
 * antipyretic or anti-cytokine therapy recorded with an observation of that episode waives the fever requirement
 * from that observation until the episode resolves; then hypotension or hypoxia alone grade 2–4, and an afebrile
 * observation with neither is 0 (grade 1 is fever itself). Premedication before onset waives nothing. The episode
 * is open exactly as {@link org.celltrial.safety.grading.EpisodeBuilder} delimits it: until a grade-0 observation
 * has come after its last grade ≥ 1 observation and the next observation is more than the resolution window after
 * that last one.</li>
 * <li>Hypotension or hypoxia the investigator attributes to another cause (with the cause named) does not count;
 * the grade says so. Fever still counts: the attribution names the findings it covers.</li>
 * </ul>
 * Grade 5 (death due to CRS) is not graded from vital signs: it is recorded with the death.
 */
public final class CrsGrader {

    /** Stored with every grade this engine derives, so a grade can be traced to the rules that made it. */
    public static final String VERSION = "CrsGrader 2.0 (ASTCT consensus 2019)";

    /** ASTCT: fever is a temperature of 38.0 °C or more. */
    private static final BigDecimal FEVER_FROM_C = new BigDecimal("38.0");
    private static final String WAIVED = "fever waived: antipyretic or anti-cytokine therapy during this CRS episode";

    private final Duration episodeResolutionWindow;

    /** @param episodeResolutionWindow how long without grade ≥ 1 ends an episode (the protocol's setting) */
    public CrsGrader(Duration episodeResolutionWindow) {
        if (episodeResolutionWindow == null || episodeResolutionWindow.isNegative()
                || episodeResolutionWindow.isZero()) {
            throw new IllegalArgumentException("episodeResolutionWindow must be positive, was "
                    + episodeResolutionWindow);
        }
        this.episodeResolutionWindow = episodeResolutionWindow;
    }

    /**
     * @param feverWaived whether the fever requirement is waived for this observation (therapy given during the open
     *                    CRS episode it belongs to)
     */
    public GradedObservation grade(VitalsObservation observation, boolean feverWaived) {
        if (observation == null) {
            throw new IllegalArgumentException("observation is required");
        }
        boolean fever = observation.temperatureC().compareTo(FEVER_FROM_C) >= 0;
        Hypotension hypotension = observation.crsHypotension();
        OxygenSupport oxygen = observation.crsOxygen();
        String explanation = "temperature " + observation.temperatureC().toPlainString() + " °C "
                + (fever ? "(fever, ≥ 38.0 °C)" : "(no fever, < 38.0 °C)")
                + (feverWaived ? "; " + WAIVED : "")
                + "; " + describe(observation.hypotension().description(), hypotension != observation.hypotension(),
                        observation)
                + "; " + describe(observation.oxygen().description(), oxygen != observation.oxygen(), observation);
        String attributed = attributed(observation).map(text -> " (" + text + ")").orElse("");
        if (!fever && !feverWaived) {
            return new GradedObservation(observation.at(), 0, "ASTCT CRS grade 0: no fever" + attributed, explanation);
        }
        int grade = Math.max(hypotension.crsGrade(), oxygen.crsGrade());
        if (grade == 0) {
            String rule = fever ? "ASTCT CRS grade 1: fever alone"
                    : "ASTCT CRS grade 0: no hypotension or hypoxia (" + WAIVED + ")";
            return new GradedObservation(observation.at(), fever ? 1 : 0, rule + attributed, explanation);
        }
        // Both name the rule when both reach the grade.
        String deciding = Stream.of(
                        hypotension.crsGrade() == grade ? hypotension.description() : null,
                        oxygen.crsGrade() == grade ? oxygen.description() : null)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" and "));
        String rule = "ASTCT CRS grade " + grade + ": " + deciding + (fever ? "" : " (" + WAIVED + ")") + attributed;
        return new GradedObservation(observation.at(), grade, rule, explanation);
    }

    /**
     * Grades a course of observations in time order: before Day 0 not at all, then each with the fever waiver of
     * the open episode it belongs to.
     */
    public List<GradedObservation> gradeAll(List<VitalsObservation> chronological, StudyClock clock) {
        if (chronological == null || chronological.stream().anyMatch(Objects::isNull) || clock == null) {
            throw new IllegalArgumentException("observations (with no nulls) and the study clock are required");
        }
        List<GradedObservation> graded = new ArrayList<>();
        OpenEpisode episode = new OpenEpisode();
        VitalsObservation previous = null;
        for (VitalsObservation observation : chronological) {
            // The waiver follows the episode in time, so the order decides the grades.
            if (previous != null && observation.at().isBefore(previous.at())) {
                throw new IllegalArgumentException("observations must be in time order: " + observation.at()
                        + " comes after " + previous.at());
            }
            previous = observation;
            Optional<String> notGraded = clock.notGradedReason(observation.at());
            if (notGraded.isPresent()) {
                graded.add(GradedObservation.notGraded(observation.at(), notGraded.get(), "CRS",
                        "temperature " + observation.temperatureC().toPlainString() + " °C; "
                                + observation.hypotension().description() + "; "
                                + observation.oxygen().description()));
                continue;
            }
            episode.closeIfResolvedBefore(observation.at());
            if (episode.isOpen() && observation.antipyreticOrAntiCytokine()) {
                episode.feverWaived = true;
            }
            GradedObservation result = grade(observation, episode.feverWaived);
            episode.add(result, observation.antipyreticOrAntiCytokine());
            graded.add(result);
        }
        return List.copyOf(graded);
    }

    /** The CRS episode open at the observation being graded, as far as the waiver needs to know it. */
    private final class OpenEpisode {
        private Instant lastPositive;
        private boolean gradeZeroSinceLastPositive;
        private boolean feverWaived;

        boolean isOpen() {
            return lastPositive != null;
        }

        void closeIfResolvedBefore(Instant at) {
            if (isOpen() && gradeZeroSinceLastPositive && at.isAfter(lastPositive.plus(episodeResolutionWindow))) {
                lastPositive = null;
                gradeZeroSinceLastPositive = false;
                feverWaived = false;
            }
        }

        void add(GradedObservation graded, boolean therapyGiven) {
            if (graded.grade() >= 1) {
                lastPositive = graded.at();
                gradeZeroSinceLastPositive = false;
                // Therapy given at the onset itself waives fever for what follows in this episode.
                feverWaived |= therapyGiven;
            } else if (isOpen()) {
                gradeZeroSinceLastPositive = true;
            }
        }
    }

    private static String describe(String finding, boolean attributed, VitalsObservation observation) {
        return attributed ? finding + ", attributed by the investigator to " + observation.otherCause()
                + " and not counted" : finding;
    }

    private static Optional<String> attributed(VitalsObservation observation) {
        return Optional.ofNullable(observation.attributedToOtherCause()).map(cause -> switch (cause) {
            case HYPOTENSION -> "hypotension";
            case HYPOXIA -> "hypoxia";
            case BOTH -> "hypotension and hypoxia";
        } + " attributed to " + observation.otherCause() + ", not counted towards CRS");
    }
}
