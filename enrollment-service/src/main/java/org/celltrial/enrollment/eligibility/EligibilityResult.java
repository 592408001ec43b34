package org.celltrial.enrollment.eligibility;

import java.util.List;
import java.util.Objects;

/**
 * An eligibility assessment (CellTrial docs/api.md, enrollment: eligibility).
 *
 * @param criteria           the computed criteria, then the investigator criteria in the protocol's order
 * @param unknownAnswerCodes answers given for codes the protocol has no investigator criterion for, sorted; they
 *                           do not change the outcome but are reported so that a typo is not silently lost
 */
public record EligibilityResult(EligibilityOutcome outcome, List<CriterionResult> criteria,
        List<String> unknownAnswerCodes) {

    public EligibilityResult {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome is required");
        }
        if (criteria == null || criteria.stream().anyMatch(Objects::isNull)
                || unknownAnswerCodes == null || unknownAnswerCodes.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("criteria and unknownAnswerCodes must be lists without nulls");
        }
        criteria = List.copyOf(criteria);
        unknownAnswerCodes = List.copyOf(unknownAnswerCodes);
    }
}
