package org.celltrial.enrollment.eligibility;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.celltrial.enrollment.eligibility.PatientFacts.PriorTherapyFact;

/**
 * Evaluates the protocol's eligibility criteria ({@link EligibilityCriteria}; CellTrial docs/api.md, enrollment:
 * eligibility) on a patient's facts and the investigator's answers. Ages and durations are calendar-based
 * ({@link Period}): age is the whole years completed on the screening date, so a patient born on 29 February
 * completes a year on 1 March in common years.
 */
public final class EligibilityEvaluator {

    public static final String AGE = "AGE";
    public static final String PRIMARY_ITP_DURATION = "PRIMARY_ITP_DURATION";
    public static final String PRIOR_LINES = "PRIOR_LINES";
    public static final String SCREENING_PLATELETS = "SCREENING_PLATELETS";
    /** Decided from the patient's facts; no investigator criterion may use these codes. */
    public static final Set<String> COMPUTED_CODES = Set.of(AGE, PRIMARY_ITP_DURATION, PRIOR_LINES, SCREENING_PLATELETS);

    /**
     * @param answers the investigator's answers by criterion code; a missing or null answer leaves its criterion
     *                undecided
     */
    public EligibilityResult evaluate(EligibilityCriteria criteria, PatientFacts facts, Map<String, Boolean> answers,
            LocalDate screeningDate) {
        if (criteria == null || facts == null || screeningDate == null) {
            throw new IllegalArgumentException("criteria, facts and screeningDate are required");
        }
        if (answers == null || answers.keySet().stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("answers must be a map without null codes");
        }
        if (screeningDate.isBefore(facts.itpDiagnosisDate())) {
            throw new IllegalArgumentException("screeningDate " + screeningDate
                    + " is before itpDiagnosisDate " + facts.itpDiagnosisDate());
        }
        List<CriterionResult> results = new ArrayList<>(List.of(
                age(criteria, facts, screeningDate),
                itpDuration(criteria, facts, screeningDate),
                priorLines(criteria, facts),
                screeningPlatelets(criteria, facts)));
        for (InvestigatorCriterion criterion : criteria.investigatorCriteria()) {
            results.add(investigatorAnswer(criterion, answers.get(criterion.code())));
        }
        Set<String> investigatorCodes = criteria.investigatorCriteria().stream()
                .map(InvestigatorCriterion::code)
                .collect(Collectors.toSet());
        List<String> unknownAnswerCodes = answers.keySet().stream()
                .filter(code -> !investigatorCodes.contains(code))
                .sorted()
                .toList();
        return new EligibilityResult(EligibilityOutcome.of(results), results, unknownAnswerCodes);
    }

    private static CriterionResult age(EligibilityCriteria criteria, PatientFacts facts, LocalDate screeningDate) {
        int years = Period.between(facts.birthDate(), screeningDate).getYears();
        String allowed = criteria.minAgeYears() + "–" + criteria.maxAgeYears();
        return new CriterionResult(AGE, "Age " + allowed + " years at screening",
                years >= criteria.minAgeYears() && years <= criteria.maxAgeYears(),
                "age " + years + " on " + screeningDate + ", allowed " + allowed);
    }

    private static CriterionResult itpDuration(EligibilityCriteria criteria, PatientFacts facts,
            LocalDate screeningDate) {
        Period sinceDiagnosis = Period.between(facts.itpDiagnosisDate(), screeningDate);
        long months = sinceDiagnosis.toTotalMonths();
        int required = criteria.minMonthsSinceDiagnosis();
        return new CriterionResult(PRIMARY_ITP_DURATION,
                "Primary ITP diagnosed at least " + count(required, "month") + " before screening",
                months >= required,
                "ITP diagnosed on " + facts.itpDiagnosisDate() + ", " + count(months, "month") + " "
                        + count(sinceDiagnosis.getDays(), "day") + " before screening on " + screeningDate
                        + ", at least " + count(required, "month") + " required");
    }

    /** One line of therapy: the same agent given again (any letter case) is not a new line. */
    private record TherapyLine(String category, String agent) {

        static TherapyLine of(PriorTherapyFact therapy) {
            String agent = therapy.agent() == null ? "" : therapy.agent().strip().toLowerCase(Locale.ROOT);
            return new TherapyLine(therapy.category(), agent);
        }

        @Override
        public String toString() {
            return agent.isEmpty() ? category : category + " " + agent;
        }
    }

    private static CriterionResult priorLines(EligibilityCriteria criteria, PatientFacts facts) {
        Set<TherapyLine> lines = facts.priorTherapies().stream()
                .map(TherapyLine::of)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        int required = criteria.minPriorLines();
        String counted = lines.isEmpty()
                ? "none"
                : lines.stream().map(TherapyLine::toString).collect(Collectors.joining("; "));
        return new CriterionResult(PRIOR_LINES, "At least " + count(required, "prior line") + " of ITP therapy",
                lines.size() >= required,
                count(lines.size(), "distinct prior line") + " (" + counted + "), at least " + required + " required");
    }

    private static CriterionResult screeningPlatelets(EligibilityCriteria criteria, PatientFacts facts) {
        String limit = criteria.maxScreeningPlateletCountPer1e9L().toPlainString();
        return new CriterionResult(SCREENING_PLATELETS, "Screening platelet count below " + limit + " ×10⁹/L",
                facts.screeningPlateletCountPer1e9L().compareTo(criteria.maxScreeningPlateletCountPer1e9L()) < 0,
                "platelet count " + facts.screeningPlateletCountPer1e9L().toPlainString()
                        + " ×10⁹/L at screening, must be below " + limit + " ×10⁹/L");
    }

    private static CriterionResult investigatorAnswer(InvestigatorCriterion criterion, Boolean answer) {
        String why = answer == null ? "not answered" : answer ? "investigator answered yes" : "investigator answered no";
        return new CriterionResult(criterion.code(), criterion.text(), answer, why);
    }

    /** "1 month", "12 months". */
    private static String count(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
