package org.celltrial.safety.icans;

/**
 * Whether an encephalopathy score of an ICANS assessment (the ICE score or the CAPD) was taken, by the ASTCT
 * consensus (Lee DW et al., Biol Blood Marrow Transplant 2019;25:625-638; docs/clinical-rules.md, section "ICANS").
 */
public enum ScoreStatus {
    /** The score was taken and is recorded with the assessment. */
    DONE,
    /** The score was not taken: it grades nothing, and the grade rests on the other domains. */
    NOT_PERFORMED,
    /**
     * The patient could not undergo the score (unarousable, or aphasic): ICE counts as 0 (grade 3, grade 4 when the
     * patient is unarousable, as the consciousness domain gives); a CAPD the child is unable to perform is grade 4.
     */
    UNABLE
}
