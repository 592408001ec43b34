package org.celltrial.safety.icans;

import java.util.List;
import java.util.stream.Collectors;

import org.celltrial.safety.grading.GradedObservation;

/**
 * Grades immune effector cell-associated neurotoxicity syndrome by the ASTCT consensus (Lee DW et al., Biol Blood
 * Marrow Transplant 2019;25:625-638; docs/clinical-rules.md, section "ICANS"): the grade is the most severe of the
 * domains, and the explanation gives each domain's grade.
 * <ul>
 * <li>ICE score, age over the CAPD age: 10 → 0, 7–9 → 1, 3–6 → 2, 0–2 → 3; not performed because the patient is unarousable
 * → 4 (as the consciousness domain also gives); not performed otherwise → not graded (0).</li>
 * <li>CAPD, up to the CAPD age inclusive (higher is worse): 0 → 0; 1–8 → 1 when awake or awakening spontaneously, 2
 * when consciousness is depressed further (ASTCT lets consciousness tell grades 1 and 2 apart in this band); ≥ 9 → 3; unable to perform because unarousable → 4; not
 * performed otherwise → not graded (0).</li>
 * <li>Consciousness, seizure, motor weakness and cerebral edema: the grades their enums carry.</li>
 * </ul>
 * The age is the age on the day of the assessment; the CAPD age is the protocol's (ASTCT: 12). ICE 10 with nothing
 * else is no ICANS. Grade 5 (death due to ICANS) is not graded from an assessment: it is recorded with the death.
 */
public final class IcansGrader {

    /** Stored with every grade this engine derives, so a grade can be traced to the rules that made it. */
    public static final String VERSION = "IcansGrader 2.0 (ASTCT consensus 2019)";

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

    /** One domain's finding and the grade it gives. */
    private record DomainGrade(String domain, String finding, int grade) {
    }

    /**
     * @param ageYearsOnAssessmentDay the patient's age in whole years on the day of the assessment
     * @param capdMaxAgeYears         the protocol's age up to which (inclusive) CAPD is used instead of ICE
     * @throws IllegalArgumentException for an ICE score up to the CAPD age, or a CAPD score above it
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
        if (assessedByCapd && assessment.ice() != null) {
            throw new IllegalArgumentException("a child aged " + ageYearsOnAssessmentDay
                    + " is assessed with CAPD, not ICE (ICE is for patients older than " + capdMaxAgeYears + ")");
        }
        if (!assessedByCapd && assessment.capdScore() != null) {
            throw new IllegalArgumentException("a patient aged " + ageYearsOnAssessmentDay
                    + " is assessed with ICE, not CAPD (CAPD is for children aged " + capdMaxAgeYears
                    + " or younger)");
        }
        Consciousness consciousness = assessment.consciousness();
        List<DomainGrade> domains = List.of(
                assessedByCapd ? capd(assessment.capdScore(), consciousness) : ice(assessment.ice(), consciousness),
                new DomainGrade("consciousness", consciousness.description(), consciousness.icansGrade()),
                new DomainGrade("seizure", assessment.seizure().description(), assessment.seizure().icansGrade()),
                new DomainGrade("motor", assessment.motorWeakness().description(),
                        assessment.motorWeakness().icansGrade()),
                new DomainGrade("cerebral edema", assessment.cerebralEdema().description(),
                        assessment.cerebralEdema().icansGrade()));

        int grade = domains.stream().mapToInt(DomainGrade::grade).max().orElseThrow();
        String rule = grade == 0
                ? "ASTCT ICANS grade 0: no domain reaches grade 1"
                : "ASTCT ICANS grade " + grade + ": " + domains.stream()
                        .filter(domain -> domain.grade() == grade)
                        .map(DomainGrade::finding)
                        .collect(Collectors.joining(" and "));
        String explanation = "age " + ageYearsOnAssessmentDay + " y; " + domains.stream()
                .map(domain -> domain.domain() + ": " + domain.finding() + " → grade " + domain.grade())
                .collect(Collectors.joining("; "));
        return new GradedObservation(assessment.at(), grade, rule, explanation);
    }

    private static DomainGrade ice(IceScore ice, Consciousness consciousness) {
        if (ice == null) {
            return notPerformed("ICE", consciousness);
        }
        ScoreBand band = bandOf(ice.total(), ICE_BANDS);
        return new DomainGrade("ICE", "ICE score " + ice.total() + "/10 (" + band.band() + ")", band.grade());
    }

    private static DomainGrade capd(Integer capdScore, Consciousness consciousness) {
        if (capdScore == null) {
            return notPerformed("CAPD", consciousness);
        }
        ScoreBand band = bandOf(capdScore, CAPD_BANDS);
        if (band == CAPD_SHARED_BAND && !consciousness.wakesWithoutStimulus()) {
            return new DomainGrade("CAPD", "CAPD " + capdScore + " (" + band.band() + ") with depressed consciousness",
                    CAPD_SHARED_BAND_DEPRESSED_GRADE);
        }
        return new DomainGrade("CAPD", "CAPD " + capdScore + " (" + band.band() + ")", band.grade());
    }

    private static DomainGrade notPerformed(String score, Consciousness consciousness) {
        return consciousness == Consciousness.UNAROUSABLE
                ? new DomainGrade(score, score + " unable to perform, patient unarousable", 4)
                : new DomainGrade(score, score + " not performed", 0);
    }

    /** The first band the score reaches. */
    private static ScoreBand bandOf(int score, List<ScoreBand> bandsFromTop) {
        return bandsFromTop.stream()
                .filter(band -> score >= band.from())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no band for score " + score));
    }
}
