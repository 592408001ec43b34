package org.celltrial.safety.icans;

/**
 * Seizures, an ICANS domain of the ASTCT consensus (Lee DW et al., Biol Blood Marrow Transplant 2019;25:625-638),
 * with the grade each gives.
 */
public enum Seizure {
    NONE(0, "no seizure"),
    /** Any clinical seizure that resolves rapidly, or a non-convulsive seizure on EEG resolving with intervention. */
    SELF_LIMITING(3, "seizure that resolves rapidly or with intervention"),
    /** Life-threatening prolonged seizure (> 5 min), or repeated seizures without return to baseline in between. */
    PROLONGED_OR_REPETITIVE(4, "prolonged (> 5 min) or repetitive seizures without return to baseline");

    private final int icansGrade;
    private final String description;

    Seizure(int icansGrade, String description) {
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
