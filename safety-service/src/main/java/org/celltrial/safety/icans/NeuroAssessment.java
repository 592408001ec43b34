package org.celltrial.safety.icans;

import java.time.Instant;

/**
 * One neurological assessment, the ICANS domains of the ASTCT consensus (Lee DW et al., Biol Blood Marrow Transplant
 * 2019;25:625-638). A patient older than 12 is scored with ICE, a child aged 12 or younger with CAPD; either may be
 * missing (not performed), never both given.
 *
 * @param ice        the ICE score, or null when not performed
 * @param capdScore  the Cornell Assessment of Pediatric Delirium, 0–32 (higher is worse), or null when not performed
 */
public record NeuroAssessment(Instant at, IceScore ice, Integer capdScore, Consciousness consciousness,
        Seizure seizure, MotorWeakness motorWeakness, CerebralEdema cerebralEdema) {

    public NeuroAssessment {
        if (at == null) {
            throw new IllegalArgumentException("at is required");
        }
        if (ice != null && capdScore != null) {
            throw new IllegalArgumentException("an assessment has an ICE score or a CAPD score, not both");
        }
        if (capdScore != null && (capdScore < 0 || capdScore > 32)) {
            throw new IllegalArgumentException("capdScore must be 0–32, was " + capdScore);
        }
        if (consciousness == null || seizure == null || motorWeakness == null || cerebralEdema == null) {
            throw new IllegalArgumentException(
                    "consciousness, seizure, motorWeakness and cerebralEdema are required (AWAKE or NONE when normal)");
        }
    }
}
