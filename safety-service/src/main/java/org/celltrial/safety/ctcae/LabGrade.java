package org.celltrial.safety.ctcae;

/**
 * The CTCAE grade of one laboratory result, with the version it was graded by, the row that decided it and the values
 * behind it.
 *
 * @param grade       0 (no row reached) to 4; grade 5 (death) is never graded from a value
 * @param rule        the version, term and row, e.g. "CTCAE v5.0 Lymphocyte count decreased grade 2: <0.8 - 0.5 x
 *                    10e9 /L"
 * @param explanation the result, its limits and baseline, and each comparison that led to the grade
 */
public record LabGrade(CtcaeVersion version, Analyte analyte, CtcaeTerm term, int grade, String rule,
        String explanation) {

    public LabGrade {
        if (version == null || analyte == null || term == null) {
            throw new IllegalArgumentException("version, analyte and term are required");
        }
        if (grade < 0 || grade > 4) {
            throw new IllegalArgumentException("a laboratory grade is 0–4, was " + grade);
        }
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("rule is required");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("explanation is required");
        }
    }
}
