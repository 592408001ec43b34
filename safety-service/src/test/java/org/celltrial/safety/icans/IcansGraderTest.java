package org.celltrial.safety.icans;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.celltrial.safety.grading.GradedObservation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ASTCT consensus ICANS grading (Lee DW et al., Biol Blood Marrow Transplant 2019;25:625-638; docs/clinical-rules.md,
 * section "ICANS"). In the tables a score column holds the score (DONE), NOT_PERFORMED or UNABLE; empty is not
 * performed.
 */
class IcansGraderTest {

    private static final Instant AT = Instant.parse("2025-03-05T09:00:00Z");
    private static final String UNAROUSABLE = "unarousable, or needs vigorous or repeated tactile stimuli; stupor or coma";
    /** ASTCT's CAPD age, the protocol default. */
    private static final int CAPD_MAX_AGE = 12;

    private final IcansGrader grader = new IcansGrader();

    @ParameterizedTest(name = "age {0}, ICE {1}, CAPD {2}, {3}, {4}, {5}, {6} → {7}")
    @CsvSource(delimiter = '|', value = {
            // ICE bands, each edge: 10 | 9 7 | 6 3 | 2 0. ICE 10 with nothing else is no ICANS (worked case).
            "40 | 10            |               | AWAKE                 | NONE                    | NONE       | NONE    | 0 | ASTCT ICANS grade 0: no domain reaches grade 1",
            "40 | 9             |               | AWAKE                 | NONE                    | NONE       | NONE    | 1 | ASTCT ICANS grade 1: ICE score 9/10 (7–9)",
            "40 | 7             |               | AWAKE                 | NONE                    | NONE       | NONE    | 1 | ASTCT ICANS grade 1: ICE score 7/10 (7–9)",
            // Worked case: ICE 6, awake.
            "40 | 6             |               | AWAKE                 | NONE                    | NONE       | NONE    | 2 | ASTCT ICANS grade 2: ICE score 6/10 (3–6)",
            "40 | 3             |               | AWAKE                 | NONE                    | NONE       | NONE    | 2 | ASTCT ICANS grade 2: ICE score 3/10 (3–6)",
            "40 | 2             |               | AWAKE                 | NONE                    | NONE       | NONE    | 3 | ASTCT ICANS grade 3: ICE score 2/10 (0–2)",
            "40 | 0             |               | AWAKE                 | NONE                    | NONE       | NONE    | 3 | ASTCT ICANS grade 3: ICE score 0/10 (0–2)",
            // Each level of consciousness with a normal ICE score.
            "40 | 10            |               | AWAKENS_SPONTANEOUSLY | NONE                    | NONE       | NONE    | 1 | ASTCT ICANS grade 1: awakens spontaneously",
            "40 | 10            |               | AWAKENS_TO_VOICE      | NONE                    | NONE       | NONE    | 2 | ASTCT ICANS grade 2: awakens to voice",
            "40 | 10            |               | AWAKENS_TO_TOUCH      | NONE                    | NONE       | NONE    | 3 | ASTCT ICANS grade 3: awakens only to tactile stimulus",
            "40 | 9             |               | AWAKENS_SPONTANEOUSLY | NONE                    | NONE       | NONE    | 1 | ASTCT ICANS grade 1: ICE score 9/10 (7–9) and awakens spontaneously",
            "40 | 6             |               | AWAKENS_TO_VOICE      | NONE                    | NONE       | NONE    | 2 | ASTCT ICANS grade 2: ICE score 6/10 (3–6) and awakens to voice",
            // Worked case: ICE 8 but awakens only to touch.
            "40 | 8             |               | AWAKENS_TO_TOUCH      | NONE                    | NONE       | NONE    | 3 | ASTCT ICANS grade 3: awakens only to tactile stimulus",
            // Unable to undergo ICE: scored 0, grade 3 when aphasic, grade 4 when unarousable (by consciousness).
            "40 | UNABLE        |               | AWAKE                 | NONE                    | NONE       | NONE    | 3 | ASTCT ICANS grade 3: unable to undergo ICE, scored 0/10 (0–2)",
            "40 | UNABLE        |               | AWAKENS_TO_TOUCH      | NONE                    | NONE       | NONE    | 3 | ASTCT ICANS grade 3: unable to undergo ICE, scored 0/10 (0–2) and awakens only to tactile stimulus",
            "40 | UNABLE        |               | UNAROUSABLE           | NONE                    | NONE       | NONE    | 4 | ASTCT ICANS grade 4: " + UNAROUSABLE,
            // ICE not performed: the other domains decide, and the rule says ICE was not performed.
            "40 | NOT_PERFORMED |               | AWAKE                 | NONE                    | NONE       | NONE    | 0 | ASTCT ICANS grade 0: no domain reaches grade 1; ICE not performed",
            "40 |               |               | AWAKENS_TO_VOICE      | NONE                    | NONE       | NONE    | 2 | ASTCT ICANS grade 2: awakens to voice; ICE not performed",
            "40 | NOT_PERFORMED |               | UNAROUSABLE           | NONE                    | NONE       | NONE    | 4 | ASTCT ICANS grade 4: " + UNAROUSABLE + "; ICE not performed",
            "40 | NOT_PERFORMED |               | AWAKE                 | SELF_LIMITING           | NONE       | NONE    | 3 | ASTCT ICANS grade 3: seizure that resolves rapidly or with intervention; ICE not performed",
            // Seizure, motor and cerebral edema.
            "40 | 10            |               | AWAKE                 | SELF_LIMITING           | NONE       | NONE    | 3 | ASTCT ICANS grade 3: seizure that resolves rapidly or with intervention",
            "40 | 10            |               | AWAKE                 | PROLONGED_OR_REPETITIVE | NONE       | NONE    | 4 | ASTCT ICANS grade 4: prolonged (> 5 min) or repetitive seizures without return to baseline",
            "40 | 10            |               | AWAKE                 | NONE                    | DEEP_FOCAL | NONE    | 4 | ASTCT ICANS grade 4: deep focal motor weakness (hemiparesis or paraparesis)",
            "40 | 10            |               | AWAKE                 | NONE                    | NONE       | FOCAL   | 3 | ASTCT ICANS grade 3: focal or local edema on imaging",
            "40 | 10            |               | AWAKE                 | NONE                    | NONE       | DIFFUSE | 4 | ASTCT ICANS grade 4: diffuse cerebral edema or its signs (posturing, cranial nerve VI palsy, papilledema, Cushing's triad)",
            // CAPD bands, each edge: 0 | 1 8 | 9 32; 1–8 is grade 1 awake or awakening spontaneously, 2 below that.
            "9  |               | 0             | AWAKE                 | NONE                    | NONE       | NONE    | 0 | ASTCT ICANS grade 0: no domain reaches grade 1",
            "9  |               | 0             | AWAKENS_SPONTANEOUSLY | NONE                    | NONE       | NONE    | 1 | ASTCT ICANS grade 1: awakens spontaneously",
            "9  |               | 1             | AWAKE                 | NONE                    | NONE       | NONE    | 1 | ASTCT ICANS grade 1: CAPD 1 (1–8)",
            "9  |               | 8             | AWAKE                 | NONE                    | NONE       | NONE    | 1 | ASTCT ICANS grade 1: CAPD 8 (1–8)",
            "9  |               | 1             | AWAKENS_SPONTANEOUSLY | NONE                    | NONE       | NONE    | 1 | ASTCT ICANS grade 1: CAPD 1 (1–8) and awakens spontaneously",
            "9  |               | 8             | AWAKENS_SPONTANEOUSLY | NONE                    | NONE       | NONE    | 1 | ASTCT ICANS grade 1: CAPD 8 (1–8) and awakens spontaneously",
            "9  |               | 1             | AWAKENS_TO_VOICE      | NONE                    | NONE       | NONE    | 2 | ASTCT ICANS grade 2: CAPD 1 (1–8) with depressed consciousness and awakens to voice",
            "9  |               | 8             | AWAKENS_TO_VOICE      | NONE                    | NONE       | NONE    | 2 | ASTCT ICANS grade 2: CAPD 8 (1–8) with depressed consciousness and awakens to voice",
            "9  |               | 8             | AWAKENS_TO_TOUCH      | NONE                    | NONE       | NONE    | 3 | ASTCT ICANS grade 3: awakens only to tactile stimulus",
            "9  |               | 9             | AWAKE                 | NONE                    | NONE       | NONE    | 3 | ASTCT ICANS grade 3: CAPD 9 (≥ 9)",
            // Worked case: a 9-year-old with CAPD 10.
            "9  |               | 10            | AWAKE                 | NONE                    | NONE       | NONE    | 3 | ASTCT ICANS grade 3: CAPD 10 (≥ 9)",
            "9  |               | 32            | AWAKE                 | NONE                    | NONE       | NONE    | 3 | ASTCT ICANS grade 3: CAPD 32 (≥ 9)",
            // Unable to perform CAPD is grade 4 whatever the consciousness.
            "9  |               | UNABLE        | AWAKE                 | NONE                    | NONE       | NONE    | 4 | ASTCT ICANS grade 4: unable to perform CAPD",
            "9  |               | UNABLE        | UNAROUSABLE           | NONE                    | NONE       | NONE    | 4 | ASTCT ICANS grade 4: unable to perform CAPD and " + UNAROUSABLE,
            // CAPD not performed: the other domains decide, and the rule says CAPD was not performed.
            "9  |               | NOT_PERFORMED | AWAKE                 | NONE                    | NONE       | NONE    | 0 | ASTCT ICANS grade 0: no domain reaches grade 1; CAPD not performed",
            "9  |               |               | AWAKE                 | NONE                    | NONE       | FOCAL   | 3 | ASTCT ICANS grade 3: focal or local edema on imaging; CAPD not performed",
            "9  |               | NOT_PERFORMED | UNAROUSABLE           | NONE                    | NONE       | NONE    | 4 | ASTCT ICANS grade 4: " + UNAROUSABLE + "; CAPD not performed",
            // Age on the assessment day: 12 uses CAPD, 13 uses ICE.
            "12 |               | 10            | AWAKE                 | NONE                    | NONE       | NONE    | 3 | ASTCT ICANS grade 3: CAPD 10 (≥ 9)",
            "13 | 6             |               | AWAKE                 | NONE                    | NONE       | NONE    | 2 | ASTCT ICANS grade 2: ICE score 6/10 (3–6)",
            "0  |               | 4             | AWAKE                 | NONE                    | NONE       | NONE    | 1 | ASTCT ICANS grade 1: CAPD 4 (1–8)",
    })
    void gradesByTheMostSevereDomain(int age, String ice, String capd, Consciousness consciousness, Seizure seizure,
            MotorWeakness motor, CerebralEdema edema, int grade, String rule) {
        GradedObservation graded = grader.grade(assessment(ice, capd, consciousness, seizure, motor, edema), age,
                CAPD_MAX_AGE);

        assertAll(
                () -> assertEquals(grade, graded.grade()),
                () -> assertEquals(rule, graded.rule()),
                () -> assertEquals(AT, graded.at()));
    }

    @Test
    void explanationListsEveryDomain() {
        GradedObservation graded = grader.grade(assessment("6", null, Consciousness.AWAKE, Seizure.NONE,
                MotorWeakness.NONE, CerebralEdema.FOCAL), 40, CAPD_MAX_AGE);

        assertEquals("age 40 y; ICE: ICE score 6/10 (3–6) → grade 2; consciousness: awake → grade 0; "
                + "seizure: no seizure → grade 0; motor: no focal motor weakness → grade 0; "
                + "cerebral edema: focal or local edema on imaging → grade 3", graded.explanation());
    }

    @Test
    void explanationShowsAScoreNotPerformedAsNotGraded() {
        GradedObservation graded = grader.grade(assessment(null, "NOT_PERFORMED", Consciousness.AWAKENS_TO_VOICE,
                Seizure.NONE, MotorWeakness.NONE, CerebralEdema.NONE), 9, CAPD_MAX_AGE);

        assertEquals("age 9 y; CAPD: CAPD not performed → not graded; consciousness: awakens to voice → grade 2; "
                + "seizure: no seizure → grade 0; motor: no focal motor weakness → grade 0; "
                + "cerebral edema: no cerebral edema → grade 0", graded.explanation());
    }

    /** The protocol's CAPD age: CAPD up to it inclusive, ICE above it. */
    @ParameterizedTest(name = "age {0} with CAPD up to {1}: CAPD {2}")
    @CsvSource({
            "12, 12, true",
            "13, 12, false",
            "15, 15, true",
            "16, 15, false",
            "0,  0,  true",
            "1,  0,  false",
    })
    void theCapdAgeIsAParameter(int age, int capdMaxAge, boolean assessedByCapd) {
        NeuroAssessment byCapd = assessment(null, "10", Consciousness.AWAKE, Seizure.NONE, MotorWeakness.NONE,
                CerebralEdema.NONE);
        NeuroAssessment byIce = assessment("6", null, Consciousness.AWAKE, Seizure.NONE, MotorWeakness.NONE,
                CerebralEdema.NONE);

        if (assessedByCapd) {
            assertAll(
                    () -> assertEquals("ASTCT ICANS grade 3: CAPD 10 (≥ 9)",
                            grader.grade(byCapd, age, capdMaxAge).rule()),
                    () -> assertThrows(IllegalArgumentException.class, () -> grader.grade(byIce, age, capdMaxAge)));
        } else {
            assertAll(
                    () -> assertEquals("ASTCT ICANS grade 2: ICE score 6/10 (3–6)",
                            grader.grade(byIce, age, capdMaxAge).rule()),
                    () -> assertThrows(IllegalArgumentException.class, () -> grader.grade(byCapd, age, capdMaxAge)));
        }
    }

    @ParameterizedTest(name = "age {0} with ICE {1} / CAPD {2} is rejected")
    @CsvSource({
            "12, 10,     ",
            "11, 10,     ",
            "0,  10,     ",
            "12, UNABLE, ",
            "13,       , 3",
            "40,       , 0",
            "13,       , UNABLE",
    })
    void theScoreMustFitTheAge(int age, String ice, String capd) {
        NeuroAssessment assessment = assessment(ice, capd, Consciousness.AWAKE, Seizure.NONE, MotorWeakness.NONE,
                CerebralEdema.NONE);

        assertThrows(IllegalArgumentException.class, () -> grader.grade(assessment, age, CAPD_MAX_AGE));
    }

    @Test
    void rejectsProgrammingErrors() {
        NeuroAssessment assessment = assessment("10", null, Consciousness.AWAKE, Seizure.NONE, MotorWeakness.NONE,
                CerebralEdema.NONE);
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> grader.grade(null, 40, CAPD_MAX_AGE)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.grade(assessment, -1, CAPD_MAX_AGE)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.grade(assessment, 40, -1)));
    }

    @ParameterizedTest(name = "ICE {0} {1} {2} {3} {4}")
    @CsvSource({
            "-1, 0,  0,  0,  0",
            "5,  0,  0,  0,  0",
            "0,  -1, 0,  0,  0",
            "0,  4,  0,  0,  0",
            "0,  0,  -1, 0,  0",
            "0,  0,  2,  0,  0",
            "0,  0,  0,  -1, 0",
            "0,  0,  0,  2,  0",
            "0,  0,  0,  0,  -1",
            "0,  0,  0,  0,  2",
    })
    void iceRejectsItemsOutOfRange(int orientation, int naming, int commands, int writing, int attention) {
        assertThrows(IllegalArgumentException.class,
                () -> new IceScore(orientation, naming, commands, writing, attention));
    }

    @Test
    void iceTotalsItsItems() {
        assertEquals(10, new IceScore(4, 3, 1, 1, 1).total());
        assertEquals(0, new IceScore(0, 0, 0, 0, 0).total());
        assertEquals(6, new IceScore(2, 2, 1, 0, 1).total());
    }

    /** CAPD is 0–32: the grading table grades both ends; a score beyond them is no assessment. */
    @ParameterizedTest(name = "CAPD {0} is rejected")
    @CsvSource({"-1", "33"})
    void capdOutsideZeroToThirtyTwoIsRejected(int capd) {
        assertThrows(IllegalArgumentException.class, () -> assessment(null, Integer.toString(capd),
                Consciousness.AWAKE, Seizure.NONE, MotorWeakness.NONE, CerebralEdema.NONE));
    }

    @Test
    void assessmentRejectsNonsense() {
        IceScore ice = ice(10);
        ScoreStatus done = ScoreStatus.DONE;
        ScoreStatus notPerformed = ScoreStatus.NOT_PERFORMED;
        ScoreStatus unable = ScoreStatus.UNABLE;
        Consciousness awake = Consciousness.AWAKE;
        Seizure noSeizure = Seizure.NONE;
        MotorWeakness noWeakness = MotorWeakness.NONE;
        CerebralEdema noEdema = CerebralEdema.NONE;
        assertAll(
                // Both scores, or one score with the other unable.
                () -> assertThrows(IllegalArgumentException.class, () -> new NeuroAssessment(AT, ice, done, 3, done,
                        awake, noSeizure, noWeakness, noEdema)),
                () -> assertThrows(IllegalArgumentException.class, () -> new NeuroAssessment(AT, ice, done, null,
                        unable, awake, noSeizure, noWeakness, noEdema)),
                // A status that does not match its score.
                () -> assertThrows(IllegalArgumentException.class, () -> new NeuroAssessment(AT, null, done, null,
                        notPerformed, awake, noSeizure, noWeakness, noEdema)),
                () -> assertThrows(IllegalArgumentException.class, () -> new NeuroAssessment(AT, ice, notPerformed,
                        null, notPerformed, awake, noSeizure, noWeakness, noEdema)),
                () -> assertThrows(IllegalArgumentException.class, () -> new NeuroAssessment(AT, ice, unable, null,
                        notPerformed, awake, noSeizure, noWeakness, noEdema)),
                () -> assertThrows(IllegalArgumentException.class, () -> new NeuroAssessment(AT, null, notPerformed,
                        null, done, awake, noSeizure, noWeakness, noEdema)),
                () -> assertThrows(IllegalArgumentException.class, () -> new NeuroAssessment(AT, null, notPerformed,
                        4, unable, awake, noSeizure, noWeakness, noEdema)),
                // Something required left out.
                () -> assertThrows(IllegalArgumentException.class, () -> new NeuroAssessment(null, ice, done, null,
                        notPerformed, awake, noSeizure, noWeakness, noEdema)),
                () -> assertThrows(IllegalArgumentException.class, () -> new NeuroAssessment(AT, ice, null, null,
                        notPerformed, awake, noSeizure, noWeakness, noEdema)),
                () -> assertThrows(IllegalArgumentException.class, () -> new NeuroAssessment(AT, ice, done, null,
                        null, awake, noSeizure, noWeakness, noEdema)),
                () -> assertThrows(IllegalArgumentException.class, () -> new NeuroAssessment(AT, ice, done, null,
                        notPerformed, null, noSeizure, noWeakness, noEdema)),
                () -> assertThrows(IllegalArgumentException.class, () -> new NeuroAssessment(AT, ice, done, null,
                        notPerformed, awake, null, noWeakness, noEdema)),
                () -> assertThrows(IllegalArgumentException.class, () -> new NeuroAssessment(AT, ice, done, null,
                        notPerformed, awake, noSeizure, null, noEdema)),
                () -> assertThrows(IllegalArgumentException.class, () -> new NeuroAssessment(AT, ice, done, null,
                        notPerformed, awake, noSeizure, noWeakness, null)));
    }

    /**
     * An assessment from the table's score columns: a number is a score DONE, a status name that status, and empty
     * NOT_PERFORMED.
     */
    private static NeuroAssessment assessment(String ice, String capd, Consciousness consciousness, Seizure seizure,
            MotorWeakness motor, CerebralEdema edema) {
        return new NeuroAssessment(AT, isScore(ice) ? ice(Integer.parseInt(ice)) : null, status(ice),
                isScore(capd) ? Integer.valueOf(capd) : null, status(capd), consciousness, seizure, motor, edema);
    }

    private static boolean isScore(String column) {
        return column != null && column.matches("-?\\d+");
    }

    private static ScoreStatus status(String column) {
        if (column == null) {
            return ScoreStatus.NOT_PERFORMED;
        }
        return isScore(column) ? ScoreStatus.DONE : ScoreStatus.valueOf(column);
    }

    /** An ICE score with this total, filling the items in order. */
    private static IceScore ice(int total) {
        int orientation = Math.min(total, 4);
        int naming = Math.min(total - orientation, 3);
        int rest = total - orientation - naming;
        return new IceScore(orientation, naming, Math.min(rest, 1), Math.min(Math.max(rest - 1, 0), 1),
                Math.max(rest - 2, 0));
    }
}
