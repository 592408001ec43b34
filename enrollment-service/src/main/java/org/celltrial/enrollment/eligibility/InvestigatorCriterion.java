package org.celltrial.enrollment.eligibility;

/**
 * An eligibility criterion the investigator answers yes or no, because no stored fact decides it (CellTrial
 * docs/api.md, enrollment: the protocol's eligibility criteria).
 */
public record InvestigatorCriterion(String code, String text) {

    public InvestigatorCriterion {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code is required");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text of criterion " + code + " is required");
        }
    }
}
