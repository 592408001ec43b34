package org.celltrial.safety.crs;

/**
 * Oxygen support for hypoxia as the ASTCT CRS grading reads it (Lee DW et al., Biol Blood Marrow Transplant
 * 2019;25:625-638), with the CRS grade each level gives when fever is present or masked.
 */
public enum OxygenSupport {
    NONE(0, "no oxygen"),
    /** Nasal cannula at ≤ 6 L/min, or blow-by. */
    LOW_FLOW(2, "low-flow oxygen (≤ 6 L/min nasal cannula or blow-by)"),
    /** Nasal cannula at > 6 L/min, face mask, non-rebreather or Venturi mask. */
    HIGH_FLOW(3, "high-flow oxygen (> 6 L/min nasal cannula, face mask, non-rebreather or Venturi mask)"),
    /** CPAP, BiPAP, or intubation and mechanical ventilation. */
    POSITIVE_PRESSURE(4, "positive-pressure ventilation (CPAP, BiPAP or mechanical ventilation)");

    private final int crsGrade;
    private final String description;

    OxygenSupport(int crsGrade, String description) {
        this.crsGrade = crsGrade;
        this.description = description;
    }

    int crsGrade() {
        return crsGrade;
    }

    String description() {
        return description;
    }
}
