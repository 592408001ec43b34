package org.celltrial.safety.ctcae;

/**
 * The CTCAE v5.0 (NCI, 2017) grade of one laboratory result, with the rule that decided it and the values behind it.
 *
 * @param grade 0 (not abnormal) to 4; grade 5 (death) is never graded from a value
 */
public record LabGrade(Analyte analyte, CtcaeTerm term, int grade, String rule, String explanation) {

    public LabGrade {
        if (analyte == null || term == null) {
            throw new IllegalArgumentException("analyte and term are required");
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
