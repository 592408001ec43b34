package org.celltrial.enrollment.eligibility;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The protocol's eligibility criteria (CellTrial docs/api.md, enrollment: protocol {@code eligibility}); defaults are
 * the reference study's: age 6–30 years, primary ITP for at least 12 months (chronic ITP, IWG: Rodeghiero F et al.,
 * Blood 2009;113:2386–2393), at least 2 prior lines of therapy, screening platelet count below 30 ×10⁹/L, and the
 * investigator's answers to the criteria no stored fact decides.
 *
 * @param maxScreeningPlateletCountPer1e9L strict: the count must be below it
 */
public record EligibilityCriteria(int minAgeYears, int maxAgeYears, int minMonthsSinceDiagnosis, int minPriorLines,
        BigDecimal maxScreeningPlateletCountPer1e9L, List<InvestigatorCriterion> investigatorCriteria) {

    public EligibilityCriteria {
        if (minAgeYears < 0 || maxAgeYears < minAgeYears) {
            throw new IllegalArgumentException(
                    "ages must satisfy 0 ≤ min ≤ max, were " + minAgeYears + " and " + maxAgeYears);
        }
        if (minMonthsSinceDiagnosis < 0 || minPriorLines < 0) {
            throw new IllegalArgumentException("minMonthsSinceDiagnosis and minPriorLines must not be negative, were "
                    + minMonthsSinceDiagnosis + " and " + minPriorLines);
        }
        if (maxScreeningPlateletCountPer1e9L == null || maxScreeningPlateletCountPer1e9L.signum() <= 0) {
            throw new IllegalArgumentException(
                    "maxScreeningPlateletCountPer1e9L must be positive, was " + maxScreeningPlateletCountPer1e9L);
        }
        if (investigatorCriteria == null || investigatorCriteria.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("investigatorCriteria must be a list without nulls");
        }
        Set<String> codes = new HashSet<>(EligibilityEvaluator.COMPUTED_CODES);
        for (InvestigatorCriterion criterion : investigatorCriteria) {
            // Each code names one result; an answer could not tell two criteria with the same code apart.
            if (!codes.add(criterion.code())) {
                throw new IllegalArgumentException("investigator criterion code " + criterion.code()
                        + " is used twice or by a computed criterion");
            }
        }
        investigatorCriteria = List.copyOf(investigatorCriteria);
    }

    public static EligibilityCriteria defaults() {
        return new EligibilityCriteria(6, 30, 12, 2, BigDecimal.valueOf(30), List.of(
                new InvestigatorCriterion("NO_SECONDARY_ITP",
                        "No secondary ITP (e.g. SLE, HIV, HCV, lymphoproliferative disease)"),
                new InvestigatorCriterion("NO_ACTIVE_INFECTION", "No active uncontrolled infection"),
                new InvestigatorCriterion("ADEQUATE_ORGAN_FUNCTION",
                        "Adequate cardiac, hepatic, renal and pulmonary function"),
                new InvestigatorCriterion("NOT_PREGNANT_OR_BREASTFEEDING", "Not pregnant or breastfeeding"),
                new InvestigatorCriterion("INFORMED_CONSENT", "Written informed consent (and assent for minors)"),
                new InvestigatorCriterion("NO_PRIOR_CAR_T", "No prior CAR-T or other gene-modified cell therapy")));
    }
}
