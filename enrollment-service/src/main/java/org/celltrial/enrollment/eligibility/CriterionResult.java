package org.celltrial.enrollment.eligibility;

/**
 * One criterion's verdict with the values behind it (CellTrial docs/api.md, enrollment: "returns every criterion with
 * met true/false and why").
 *
 * @param met null while it cannot be decided (an unanswered investigator criterion)
 * @param why the values compared, e.g. "age 12 on 2025-01-10, allowed 8–75"
 */
public record CriterionResult(String code, String description, Boolean met, String why) {

    public CriterionResult {
        if (code == null || code.isBlank() || description == null || description.isBlank()
                || why == null || why.isBlank()) {
            throw new IllegalArgumentException("code, description and why are required, were "
                    + code + ", " + description + " and " + why);
        }
    }
}
