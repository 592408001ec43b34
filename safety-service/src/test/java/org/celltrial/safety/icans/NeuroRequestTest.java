package org.celltrial.safety.icans;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.celltrial.common.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The request's score rules (docs/clinical-rules.md, section "ICANS"): DONE needs the score, NOT_PERFORMED and UNABLE
 * forbid one, a status left out follows the score, and the score must fit the patient's age.
 */
class NeuroRequestTest {

    private static final NeuroRequest.Ice NORMAL_ICE = new NeuroRequest.Ice(4, 3, 1, 1, 1);
    private static final int CAPD_MAX_AGE = 12;

    @ParameterizedTest(name = "ICE sent {0}, iceStatus {1} → {2}")
    @CsvSource({
            "true,  ,              DONE",
            "false, ,              NOT_PERFORMED",
            "true,  DONE,          DONE",
            "false, NOT_PERFORMED, NOT_PERFORMED",
            "false, UNABLE,        UNABLE",
    })
    void aStatusLeftOutFollowsTheScore(boolean iceSent, ScoreStatus iceStatus, ScoreStatus expected) {
        NeuroRequest request = request(iceSent ? NORMAL_ICE : null, iceStatus, null, null);

        assertAll(
                () -> assertEquals(expected, request.iceStatusOrDefault()),
                () -> assertEquals(ScoreStatus.NOT_PERFORMED, request.capdStatusOrDefault()));
    }

    @Test
    void aCapdStatusLeftOutFollowsTheScore() {
        assertAll(
                () -> assertEquals(ScoreStatus.DONE, request(null, null, 4, null).capdStatusOrDefault()),
                () -> assertEquals(ScoreStatus.UNABLE,
                        request(null, null, null, ScoreStatus.UNABLE).capdStatusOrDefault()));
    }

    @ParameterizedTest(name = "age {0}: ICE sent {1}, iceStatus {2}, CAPD {3}, capdStatus {4} → accepted")
    @CsvSource({
            "40, true,  ,              ,  ",
            "40, true,  DONE,          ,  NOT_PERFORMED",
            "40, false, ,              ,  ",
            "40, false, NOT_PERFORMED, ,  NOT_PERFORMED",
            "40, false, UNABLE,        ,  ",
            "13, true,  ,              ,  ",
            "9,  false, ,              3, ",
            "9,  false, NOT_PERFORMED, 3, DONE",
            "9,  false, ,              ,  UNABLE",
            "9,  false, ,              ,  NOT_PERFORMED",
            "12, false, ,              0, ",
    })
    void acceptsAScoreThatFitsItsStatusAndTheAge(int age, boolean iceSent, ScoreStatus iceStatus, Integer capdScore,
            ScoreStatus capdStatus) {
        NeuroRequest request = request(iceSent ? NORMAL_ICE : null, iceStatus, capdScore, capdStatus);

        assertDoesNotThrow(() -> request.checkScores(age, CAPD_MAX_AGE));
    }

    @ParameterizedTest(name = "age {0}: ICE sent {1}, iceStatus {2}, CAPD {3}, capdStatus {4} → 400 on {5}")
    @CsvSource({
            // The status and its score disagree.
            "40, false, DONE,          ,  ,              ice",
            "40, true,  NOT_PERFORMED, ,  ,              ice",
            "40, true,  UNABLE,        ,  ,              ice",
            "9,  false, ,              ,  DONE,          capdScore",
            "9,  false, ,              3, NOT_PERFORMED, capdScore",
            "9,  false, ,              3, UNABLE,        capdScore",
            // Both scores.
            "40, true,  ,              3, ,              capdScore",
            // The score does not fit the age.
            "40, false, ,              3, ,              capdScore",
            "13, false, ,              3, ,              capdScore",
            "40, false, ,              ,  UNABLE,        capdStatus",
            "12, true,  ,              ,  ,              ice",
            "9,  false, UNABLE,        ,  ,              iceStatus",
    })
    void refusesAScoreThatDoesNotFitItsStatusOrTheAge(int age, boolean iceSent, ScoreStatus iceStatus,
            Integer capdScore, ScoreStatus capdStatus, String field) {
        NeuroRequest request = request(iceSent ? NORMAL_ICE : null, iceStatus, capdScore, capdStatus);

        ProblemException refused = assertThrows(ProblemException.class, () -> request.checkScores(age, CAPD_MAX_AGE));
        assertAll(
                () -> assertEquals(400, refused.problem().status()),
                () -> assertEquals(field, refused.problem().violations().get(0).field()));
    }

    @Test
    void theCapdAgeIsAParameter() {
        NeuroRequest capd = request(null, null, 3, null);

        assertAll(
                () -> assertDoesNotThrow(() -> capd.checkScores(15, 15)),
                () -> assertThrows(ProblemException.class, () -> capd.checkScores(16, 15)));
    }

    private static NeuroRequest request(NeuroRequest.Ice ice, ScoreStatus iceStatus, Integer capdScore,
            ScoreStatus capdStatus) {
        return new NeuroRequest(Instant.parse("2025-03-05T09:00:00Z"), ice, iceStatus, capdScore, capdStatus,
                Consciousness.AWAKE, Seizure.NONE, MotorWeakness.NONE, CerebralEdema.NONE);
    }
}
