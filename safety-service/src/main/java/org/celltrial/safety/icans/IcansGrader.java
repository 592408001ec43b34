package org.celltrial.safety.icans;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.celltrial.safety.grading.GradedObservation;

/**
 * Grades immune effector cell-associated neurotoxicity syndrome by the ASTCT consensus (Lee DW et al., Biol Blood
 * Marrow Transplant 2019;25:625-638; docs/clinical-rules.md, section "ICANS"): the grade is the most severe of the
 * domains, and the explanation gives each domain's grade.
 * <ul>
 * <li>ICE score, age over the CAPD age: 10 → 0, 7–9 → 1, 3–6 → 2, 0–2 → 3. A patient unable to undergo ICE
 * (unarousable or aphasic) scores 0 → 3; grade 4 for an unarousable patient comes from the consciousness domain.</li>
 * <li>CAPD, up to the CAPD age inclusive (higher is worse): 0 → 0; 1–8 → 1 when awake or awakening spontaneously, 2
 * when consciousness is depressed further (ASTCT lets consciousness tell grades 1 and 2 apart in this band); ≥ 9 → 3;
 * unable to perform CAPD → 4.</li>
 * <li>A score not performed grades nothing: the rule says so, and the grade rests on the other domains.</li>
 * <li>Consciousness, seizure, motor weakness and cerebral edema: the grades their enums carry.</li>
 * </ul>
 * The age is the age on the day of the assessment; the CAPD age is the protocol's (ASTCT: 12). ICE 10 with nothing
 * else is no ICANS. Grade 5 (death due to ICANS) is not graded from an assessment: it is recorded with the death.
 */
public final class IcansGrader {

    /** Stored with every grade this engine derives, so a grade can be traced to the rules that made it. */
    public static final String VERSION = "IcansGrader 2.0 (ASTCT consensus 2019)";

    /** ASTCT: a patient unable to undergo ICE scores 0. */
    private static final int ICE_SCORE_WHEN_UNABLE = 0;

    /** ASTCT: a child unable to perform CAPD has grade 4 ICANS. */
    private static final int CAPD_UNABLE_GRADE = 4;

    /** A band of a score: from this score up to the next band's. */
    private record ScoreBand(int from, int grade, String band) {
    }

    /** Walked from the best score down; higher is better. */
    private static final List<ScoreBand> ICE_BANDS = List.of(
            new ScoreBand(10, 0, "10"),
            new ScoreBand(7, 1, "7–9"),
            new ScoreBand(3, 2, "3–6"),
            new ScoreBand(0, 3, "0–2"));

    /** Walked from the worst score down; higher is worse. */
    private static final List<ScoreBand> CAPD_BANDS = List.of(
            new ScoreBand(9, 3, "≥ 9"),
            new ScoreBand(1, 1, "1–8"),
            new ScoreBand(0, 0, "0"));

    /** The CAPD band that grades 1 or 2 by the level of consciousness. */
    private static final ScoreBand CAPD_SHARED_BAND = CAPD_BANDS.get(1);

    /** ASTCT: CAPD 1–8 when the patient needs a stimulus to wake (or does not wake). */
    private static final int CAPD_SHARED_BAND_DEPRESSED_GRADE = 2;

    /** One domain's finding and the grade it gives; a score not performed gives none. */
    private record DomainGrade(String domain, String finding, OptionalInt grade) {

        static DomainGrade graded(String domain, String finding, int grade) {
            return new DomainGrade(domain, finding, OptionalInt.of(grade));
        }

        static DomainGrade notPerformed(String score) {
            return new DomainGrade(score, score + " not performed", OptionalInt.empty());
        }

        String explained() {
            return domain + ": " + finding + (grade.isPresent() ? " → grade " + grade.getAsInt() : " → not graded");
        }
    }

    /**
     * @param ageYearsOnAssessmentDay the patient's age in whole years on the day of the assessment
     * @param capdMaxAgeYears         the protocol's age up to which (inclusive) CAPD is used instead of ICE
     * @throws IllegalArgumentException for ICE up to the CAPD age, or CAPD above it (each must be NOT_PERFORMED)
     */
    public GradedObservation grade(NeuroAssessment assessment, int ageYearsOnAssessmentDay, int capdMaxAgeYears) {
        if (assessment == null) {
            throw new IllegalArgumentException("assessment is required");
        }
        if (ageYearsOnAssessmentDay < 0) {
            throw new IllegalArgumentException("age must not be negative, was " + ageYearsOnAssessmentDay);
        }
        if (capdMaxAgeYears < 0) {
            throw new IllegalArgumentException("the CAPD age must not be negative, was " + capdMaxAgeYears);
        }
        boolean assessedByCapd = ageYearsOnAssessmentDay <= capdMaxAgeYears;
        if (assessedByCapd && assessment.iceStatus() != ScoreStatus.NOT_PERFORMED) {
            throw new IllegalArgumentException("a child aged " + ageYearsOnAssessmentDay
                    + " is assessed with CAPD, not ICE (ICE is for patients older than " + capdMaxAgeYears + ")");
        }
        if (!assessedByCapd && assessment.capdStatus() != ScoreStatus.NOT_PERFORMED) {
            throw new IllegalArgumentException("a patient aged " + ageYearsOnAssessmentDay
                    + " is assessed with ICE, not CAPD (CAPD is for children aged " + capdMaxAgeYears
                    + " or younger)");
        }
        Consciousness consciousness = assessment.consciousness();
        List<DomainGrade> domains = List.of(
                assessedByCapd
                        ? capd(assessment.capdStatus(), assessment.capdScore(), consciousness)
                        : ice(assessment.iceStatus(), assessment.ice()),
                DomainGrade.graded("consciousness", consciousness.description(), consciousness.icansGrade()),
                DomainGrade.graded("seizure", assessment.seizure().description(), assessment.seizure().icansGrade()),
                DomainGrade.graded("motor", assessment.motorWeakness().description(),
                        assessment.motorWeakness().icansGrade()),
                DomainGrade.graded("cerebral edema", assessment.cerebralEdema().description(),
                        assessment.cerebralEdema().icansGrade()));

        int grade = domains.stream()
                .flatMapToInt(domain -> domain.grade().stream())
                .max()
                .orElseThrow();
        String deciding = grade == 0
                ? "no domain reaches grade 1"
                : domains.stream()
                        .filter(domain -> domain.grade().equals(OptionalInt.of(grade)))
                        .map(DomainGrade::finding)
                        .collect(Collectors.joining(" and "));
        String notPerformed = domains.stream()
                .filter(domain -> domain.grade().isEmpty())
                .map(domain -> "; " + domain.finding())
                .collect(Collectors.joining());
        String rule = "ASTCT ICANS grade " + grade + ": " + deciding + notPerformed;
        String explanation = "age " + ageYearsOnAssessmentDay + " y; " + domains.stream()
                .map(DomainGrade::explained)
                .collect(Collectors.joining("; "));
        return new GradedObservation(assessment.at(), grade, rule, explanation);
    }

    private static DomainGrade ice(ScoreStatus status, IceScore ice) {
        return switch (status) {
            case DONE -> {
                ScoreBand band = bandOf(ice.total(), ICE_BANDS);
                yield DomainGrade.graded("ICE", "ICE score " + ice.total() + "/10 (" + band.band() + ")",
                        band.grade());
            }
            case UNABLE -> {
                ScoreBand band = bandOf(ICE_SCORE_WHEN_UNABLE, ICE_BANDS);
                yield DomainGrade.graded("ICE", "unable to undergo ICE, scored " + ICE_SCORE_WHEN_UNABLE + "/10 ("
                        + band.band() + ")", band.grade());
            }
            case NOT_PERFORMED -> DomainGrade.notPerformed("ICE");
        };
    }

    private static DomainGrade capd(ScoreStatus status, Integer capdScore, Consciousness consciousness) {
        return switch (status) {
            case DONE -> {
                ScoreBand band = bandOf(capdScore, CAPD_BANDS);
                yield band == CAPD_SHARED_BAND && !consciousness.wakesWithoutStimulus()
                        ? DomainGrade.graded("CAPD", "CAPD " + capdScore + " (" + band.band()
                                + ") with depressed consciousness", CAPD_SHARED_BAND_DEPRESSED_GRADE)
                        : DomainGrade.graded("CAPD", "CAPD " + capdScore + " (" + band.band() + ")", band.grade());
            }
            case UNABLE -> DomainGrade.graded("CAPD", "unable to perform CAPD", CAPD_UNABLE_GRADE);
            case NOT_PERFORMED -> DomainGrade.notPerformed("CAPD");
        };
    }

    /** The first band the score reaches. */
    private static ScoreBand bandOf(int score, List<ScoreBand> bandsFromTop) {
        return bandsFromTop.stream()
                .filter(band -> score >= band.from())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no band for score " + score));
    }
}
