package org.celltrial.safety.icans;

/**
 * Level of consciousness, an ICANS domain of the ASTCT consensus (Lee DW et al., Biol Blood Marrow Transplant
 * 2019;25:625-638; docs/clinical-rules.md, section "ICANS"), with the grade each level gives. {@link #AWAKE} is a
 * normal level of consciousness (grade 0); a depressed level grades 1 ({@link #AWAKENS_SPONTANEOUSLY}) to 4.
 */
public enum Consciousness {
    AWAKE(0, "awake"),
    AWAKENS_SPONTANEOUSLY(1, "awakens spontaneously"),
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

    /** Awake, or awakening without a stimulus: ASTCT grades a CAPD of 1–8 as 1 then, and as 2 otherwise. */
    boolean wakesWithoutStimulus() {
        return this == AWAKE || this == AWAKENS_SPONTANEOUSLY;
    }
}
