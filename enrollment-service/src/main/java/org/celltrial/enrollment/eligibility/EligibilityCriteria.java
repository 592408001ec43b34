package org.celltrial.enrollment.eligibility;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.celltrial.enrollment.patient.TherapyCategory;

/**
 * The protocol's eligibility criteria (CellTrial docs/api.md, enrollment: protocol {@code eligibility};
 * docs/clinical-rules.md, Eligibility). {@link #defaults()} are the registered trial's, ClinicalTrials.gov
 * NCT06352281, which the reference protocol ships.
 *
 * @param minAgeYears                      whole years at screening, inclusive
 * @param maxAgeYears                      whole years at screening, inclusive
 * @param chronicMoreThanMonths            chronic ITP: strictly more than this many calendar months from
 *                                         diagnosis to screening
 * @param firstLineTherapies               the first line of the refractory path
 * @param secondLineTherapies              the second line of the refractory path; no prior therapy may be of
 *                                         both lines
 * @param minStableCorticosteroidDays      a corticosteroid taken at screening must have been taken, at a stable
 *                                         dose, for at least this many days
 * @param maxScreeningPlateletCountPer1e9L strict: the count must be below it
 * @param investigatorCriteria             what no stored fact decides, answered yes (met) or no by the
 *                                         investigator
 */
public record EligibilityCriteria(int minAgeYears, int maxAgeYears, int chronicMoreThanMonths,
        List<LineTherapy> firstLineTherapies, List<LineTherapy> secondLineTherapies, int minStableCorticosteroidDays,
        BigDecimal maxScreeningPlateletCountPer1e9L, List<InvestigatorCriterion> investigatorCriteria) {

    public EligibilityCriteria {
        if (minAgeYears < 0 || maxAgeYears < minAgeYears) {
            throw new IllegalArgumentException(
                    "ages must satisfy 0 ≤ min ≤ max, were " + minAgeYears + " and " + maxAgeYears);
        }
        if (chronicMoreThanMonths < 0 || minStableCorticosteroidDays < 0) {
            throw new IllegalArgumentException("chronicMoreThanMonths and minStableCorticosteroidDays must not be "
                    + "negative, were " + chronicMoreThanMonths + " and " + minStableCorticosteroidDays);
        }
        firstLineTherapies = lineTherapies("firstLineTherapies", firstLineTherapies);
        secondLineTherapies = lineTherapies("secondLineTherapies", secondLineTherapies);
        for (LineTherapy first : firstLineTherapies) {
            for (LineTherapy second : secondLineTherapies) {
                if (first.overlaps(second)) {
                    throw new IllegalArgumentException("a prior therapy could be of both lines: " + first
                            + " and " + second);
                }
            }
        }
        if (maxScreeningPlateletCountPer1e9L == null || maxScreeningPlateletCountPer1e9L.signum() <= 0) {
            throw new IllegalArgumentException(
                    "maxScreeningPlateletCountPer1e9L must be positive, was " + maxScreeningPlateletCountPer1e9L);
        }
        if (investigatorCriteria == null || investigatorCriteria.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("investigatorCriteria must be a list without nulls");
        }
        Set<String> codes = new HashSet<>(EligibilityEvaluator.RESERVED_CODES);
        for (InvestigatorCriterion criterion : investigatorCriteria) {
            // Each code names one answer; an answer could not tell two criteria with the same code apart.
            if (!codes.add(criterion.code())) {
                throw new IllegalArgumentException("investigator criterion code " + criterion.code()
                        + " is used twice or by a computed criterion");
            }
        }
        investigatorCriteria = List.copyOf(investigatorCriteria);
    }

    private static List<LineTherapy> lineTherapies(String name, List<LineTherapy> therapies) {
        // An empty line could never fail, so the refractory path would be closed without saying so.
        if (therapies == null || therapies.isEmpty() || therapies.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(name + " must be a non-empty list without nulls");
        }
        return List.copyOf(therapies);
    }

    /**
     * The registered trial's criteria (ClinicalTrials.gov NCT06352281, as docs/clinical-rules.md, Eligibility
     * restates them): ages 8–75; chronic ITP (more than 12 months) or refractory ITP (intolerance or insufficient
     * response to first-line glucocorticoids, IVIG or anti-D and to second-line TPO-RA, rituximab,
     * immunosuppressants, splenectomy or fostamatinib); a corticosteroid dose stable for 2 weeks before screening;
     * platelets below 30 ×10⁹/L; and the investigator's answers to the other inclusion and the exclusion criteria.
     */
    public static EligibilityCriteria defaults() {
        return new EligibilityCriteria(8, 75, 12,
                List.of(new LineTherapy(TherapyCategory.GLUCOCORTICOID, null),
                        new LineTherapy(TherapyCategory.IVIG, null),
                        new LineTherapy(TherapyCategory.OTHER, "anti-D")),
                List.of(new LineTherapy(TherapyCategory.TPO_RA, null),
                        new LineTherapy(TherapyCategory.RITUXIMAB, null),
                        new LineTherapy(TherapyCategory.IMMUNOSUPPRESSANT, null),
                        new LineTherapy(TherapyCategory.SPLENECTOMY, null),
                        new LineTherapy(TherapyCategory.OTHER, "fostamatinib")),
                14, BigDecimal.valueOf(30), List.of(
                        new InvestigatorCriterion("INFORMED_CONSENT", "Written informed consent (and assent for "
                                + "minors); willing to comply with the study procedures and visit schedule"),
                        new InvestigatorCriterion("NO_SECONDARY_ITP", "No disease that may cause secondary immune "
                                + "thrombocytopenia; examinations suggest no cause of thrombocytopenia other than ITP"),
                        new InvestigatorCriterion("ADEQUATE_ORGAN_FUNCTION", "Adequate organ function: physical, "
                                + "instrumental and laboratory examinations within the normal range, or deviations "
                                + "the investigator judges clinically insignificant"),
                        new InvestigatorCriterion("CONTRACEPTION",
                                "Willing to use effective and reliable contraception throughout the study"),
                        new InvestigatorCriterion("NO_PREVENTIVE_SPLENECTOMY", "No preventive splenectomy"),
                        new InvestigatorCriterion("NO_HEMOSTATIC_DISORDER",
                                "No hemostatic or coagulation disorder"),
                        new InvestigatorCriterion("NOT_PREGNANT_OR_BREASTFEEDING", "Not pregnant or breastfeeding"),
                        new InvestigatorCriterion("NO_PRIOR_CAR_T", "No prior CAR-T or other gene-modified cell therapy"),
                        new InvestigatorCriterion("NO_OTHER_TRIAL_WITHIN_4_WEEKS",
                                "No participation in another interventional clinical trial within 4 weeks before "
                                        + "screening"),
                        new InvestigatorCriterion("NO_ACTIVE_INFECTION", "No active uncontrolled infection")));
    }
}
