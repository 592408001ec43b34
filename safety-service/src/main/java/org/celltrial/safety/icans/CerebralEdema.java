package org.celltrial.safety.icans;

/**
 * Raised intracranial pressure or cerebral edema, an ICANS domain of the ASTCT consensus (Lee DW et al., Biol Blood
 * Marrow Transplant 2019;25:625-638), with the grade each gives.
 */
public enum CerebralEdema {
    NONE(0, "no cerebral edema"),
    /** Focal or local edema on neuroimaging. */
    FOCAL(3, "focal or local edema on imaging"),
    /**
     * Diffuse cerebral edema on neuroimaging, or decerebrate or decorticate posturing, cranial nerve VI palsy,
     * papilledema or Cushing's triad.
     */
    DIFFUSE(4, "diffuse cerebral edema or its signs (posturing, cranial nerve VI palsy, papilledema, Cushing's triad)");

    private final int icansGrade;
    private final String description;

    CerebralEdema(int icansGrade, String description) {
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
