package org.celltrial.enrollment.eligibility;

import java.util.List;
import java.util.Objects;

/**
 * An eligibility assessment (CellTrial docs/api.md, enrollment: eligibility).
 *
 * @param criteria           the computed criteria, then the investigator criteria in the protocol's order
 * @param unansweredCodes    the answers the outcome still waits for, in the order of {@code criteria}: an
 *                           unanswered investigator criterion, or the answer a computed criterion needs because the
 *                           data do not decide it
 * @param unknownAnswerCodes answers given for codes the protocol asks no question by, sorted; they do not change
 *                           the outcome but are reported so that a typo is not silently lost
 */
public record EligibilityResult(EligibilityOutcome outcome, List<CriterionResult> criteria,
        List<String> unansweredCodes, List<String> unknownAnswerCodes) {

    public EligibilityResult {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome is required");
        }
        if (criteria == null || criteria.stream().anyMatch(Objects::isNull)
                || unansweredCodes == null || unansweredCodes.stream().anyMatch(Objects::isNull)
                || unknownAnswerCodes == null || unknownAnswerCodes.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(
                    "criteria, unansweredCodes and unknownAnswerCodes must be lists without nulls");
        }
        criteria = List.copyOf(criteria);
        unansweredCodes = List.copyOf(unansweredCodes);
        unknownAnswerCodes = List.copyOf(unknownAnswerCodes);
    }
}
