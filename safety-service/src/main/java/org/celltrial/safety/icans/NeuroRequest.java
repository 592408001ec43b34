package org.celltrial.safety.icans;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.celltrial.common.problem.ProblemException;

/**
 * A neurological assessment (docs/api.md): the ICE score (patients over the CAPD age) or the CAPD score (up to it), each
 * with its status, and consciousness, seizures, motor findings and cerebral edema. A status left out means DONE when
 * its score is sent and NOT_PERFORMED when it is not, as clients sent before the statuses existed.
 */
public record NeuroRequest(
        @NotNull @PastOrPresent Instant at,
        @Valid Ice ice,
        ScoreStatus iceStatus,
        @Min(0) @Max(32) Integer capdScore,
        ScoreStatus capdStatus,
        @NotNull Consciousness consciousness,
        @NotNull Seizure seizure,
        @NotNull MotorWeakness motorWeakness,
        @NotNull CerebralEdema cerebralEdema) {

    /** The ICE items, each within its maximum. */
    public record Ice(
            @NotNull @Min(0) @Max(4) Integer orientation,
            @NotNull @Min(0) @Max(3) Integer naming,
            @NotNull @Min(0) @Max(1) Integer commands,
            @NotNull @Min(0) @Max(1) Integer writing,
            @NotNull @Min(0) @Max(1) Integer attention) {
    }

    /** The ICE status sent, or the one its score implies when none is. */
    ScoreStatus iceStatusOrDefault() {
        return statusOrDefault(iceStatus, ice != null);
    }

    /** The CAPD status sent, or the one its score implies when none is. */
    ScoreStatus capdStatusOrDefault() {
        return statusOrDefault(capdStatus, capdScore != null);
    }

    /**
     * Checks each score against its status and the patient's age (ASTCT: CAPD up to the CAPD age inclusive, ICE
     * above it; docs/clinical-rules.md, section "ICANS").
     *
     * @throws ProblemException a 400 naming the field at fault
     */
    void checkScores(int ageYears, int capdMaxAgeYears) {
        checkScoreAgainstStatus("ice", ice != null, "iceStatus", iceStatusOrDefault());
        checkScoreAgainstStatus("capdScore", capdScore != null, "capdStatus", capdStatusOrDefault());
        if (ice != null && capdScore != null) {
            throw ProblemException.invalid("capdScore", "send the ICE score or the CAPD score, not both");
        }
        if (ageYears <= capdMaxAgeYears && iceStatusOrDefault() != ScoreStatus.NOT_PERFORMED) {
            throw ProblemException.invalid(ice != null ? "ice" : "iceStatus", "the patient is " + ageYears
                    + ": at " + capdMaxAgeYears + " or younger ICANS is assessed with CAPD (capdScore, capdStatus)");
        }
        if (ageYears > capdMaxAgeYears && capdStatusOrDefault() != ScoreStatus.NOT_PERFORMED) {
            throw ProblemException.invalid(capdScore != null ? "capdScore" : "capdStatus", "the patient is "
                    + ageYears + ": over " + capdMaxAgeYears
                    + " ICANS is assessed with the ICE score (ice, iceStatus)");
        }
    }

    private static ScoreStatus statusOrDefault(ScoreStatus sent, boolean scored) {
        if (sent != null) {
            return sent;
        }
        return scored ? ScoreStatus.DONE : ScoreStatus.NOT_PERFORMED;
    }

    private static void checkScoreAgainstStatus(String scoreField, boolean scored, String statusField,
            ScoreStatus status) {
        if (status == ScoreStatus.DONE && !scored) {
            throw ProblemException.invalid(scoreField, "required when " + statusField + " is DONE");
        }
        if (status != ScoreStatus.DONE && scored) {
            throw ProblemException.invalid(scoreField, "must be left out when " + statusField + " is " + status);
        }
    }
}
