package org.celltrial.safety.icans;

/**
 * Level of consciousness, an ICANS domain of the ASTCT consensus (Lee DW et al., Biol Blood Marrow Transplant
 * 2019;25:625-638), with the grade each level gives. {@link #AWAKE} covers a patient who is awake or awakens
 * spontaneously: it grades 0, so that grade 1 comes from the ICE or CAPD score alone.
 */
public enum Consciousness {
    AWAKE(0, "awake"),
    AWAKENS_TO_VOICE(2, "awakens to voice"),
    AWAKENS_TO_TOUCH(3, "awakens only to tactile stimulus"),
    UNAROUSABLE(4, "unarousable, or needs vigorous or repeated tactile stimuli; stupor or coma");

    private final int icansGrade;
    private final String description;

    Consciousness(int icansGrade, String description) {
        this.icansGrade = icansGrade;
        this.description = description;
    }

    int icansGrade() {
        return icansGrade;
    }

    String description() {
        return description;
    }
}
