package org.celltrial.safety.icans;

/**
 * Motor findings, an ICANS domain of the ASTCT consensus (Lee DW et al., Biol Blood Marrow Transplant
 * 2019;25:625-638), with the grade each gives.
 */
public enum MotorWeakness {
    NONE(0, "no focal motor weakness"),
    /** Hemiparesis or paraparesis. */
    DEEP_FOCAL(4, "deep focal motor weakness (hemiparesis or paraparesis)");

    private final int icansGrade;
    private final String description;

    MotorWeakness(int icansGrade, String description) {
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
