package org.celltrial.enrollment.eligibility;

import java.util.Collection;

/**
 * The verdict of an eligibility assessment (CellTrial docs/api.md, enrollment: eligibility "and the outcome"). One
 * unmet criterion decides; otherwise an undecided one leaves it open.
 */
public enum EligibilityOutcome {
    ELIGIBLE,
    INELIGIBLE,
    INCOMPLETE;

    /** INELIGIBLE if any criterion is not met, else INCOMPLETE if any is undecided, else ELIGIBLE. */
    public static EligibilityOutcome of(Collection<CriterionResult> results) {
        if (results.stream().anyMatch(result -> Boolean.FALSE.equals(result.met()))) {
            return INELIGIBLE;
        }
        if (results.stream().anyMatch(result -> result.met() == null)) {
            return INCOMPLETE;
        }
        return ELIGIBLE;
    }
}
