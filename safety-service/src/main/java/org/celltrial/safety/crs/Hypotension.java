package org.celltrial.safety.crs;

/**
 * Hypotension as the ASTCT CRS grading reads it (Lee DW et al., Biol Blood Marrow Transplant 2019;25:625-638), with
 * the CRS grade each level gives when fever is present or masked.
 */
public enum Hypotension {
    NONE(0, "no hypotension"),
    NO_VASOPRESSOR(2, "hypotension not requiring vasopressors"),
    /** One vasopressor, with or without vasopressin. */
    ONE_VASOPRESSOR(3, "hypotension requiring one vasopressor"),
    /** Several vasopressors, vasopressin not counted. */
    MULTIPLE_VASOPRESSORS(4, "hypotension requiring multiple vasopressors");

    private final int crsGrade;
    private final String description;

    Hypotension(int crsGrade, String description) {
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
