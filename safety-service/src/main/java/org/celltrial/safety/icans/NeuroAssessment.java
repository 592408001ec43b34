package org.celltrial.safety.icans;

import java.time.Instant;

/**
 * One neurological assessment, the ICANS domains of the ASTCT consensus (Lee DW et al., Biol Blood Marrow Transplant
 * 2019;25:625-638; docs/clinical-rules.md, section "ICANS"). A patient older than the protocol's CAPD age is scored
 * with ICE, a younger child with CAPD; the other score is {@link ScoreStatus#NOT_PERFORMED}.
 *
 * @param ice         the ICE score when {@code iceStatus} is DONE, else null
 * @param iceStatus   whether ICE was done, not performed, or the patient was unable to undergo it
 * @param capdScore   the Cornell Assessment of Pediatric Delirium, 0–32 (higher is worse), when {@code capdStatus} is
 *                    DONE, else null
 * @param capdStatus  whether CAPD was done, not performed, or the child was unable to perform it
 */
public record NeuroAssessment(Instant at, IceScore ice, ScoreStatus iceStatus, Integer capdScore,
        ScoreStatus capdStatus, Consciousness consciousness, Seizure seizure, MotorWeakness motorWeakness,
        CerebralEdema cerebralEdema) {

    public NeuroAssessment {
        if (at == null) {
            throw new IllegalArgumentException("at is required");
        }
        if (iceStatus == null || capdStatus == null) {
            throw new IllegalArgumentException("iceStatus and capdStatus are required (NOT_PERFORMED when not taken)");
        }
        requireScoreOnlyWhenDone("ICE", ice != null, iceStatus);
        requireScoreOnlyWhenDone("CAPD", capdScore != null, capdStatus);
        if (iceStatus != ScoreStatus.NOT_PERFORMED && capdStatus != ScoreStatus.NOT_PERFORMED) {
            throw new IllegalArgumentException("an assessment uses ICE or CAPD, not both");
        }
        if (capdScore != null && (capdScore < 0 || capdScore > 32)) {
            throw new IllegalArgumentException("capdScore must be 0–32, was " + capdScore);
        }
        if (consciousness == null || seizure == null || motorWeakness == null || cerebralEdema == null) {
            throw new IllegalArgumentException(
                    "consciousness, seizure, motorWeakness and cerebralEdema are required (AWAKE or NONE when normal)");
        }
    }

    private static void requireScoreOnlyWhenDone(String score, boolean scored, ScoreStatus status) {
        if (scored != (status == ScoreStatus.DONE)) {
            throw new IllegalArgumentException(score + " " + status + (scored ? " has no score" : " needs its score"));
        }
    }
}
