package org.celltrial.enrollment.eligibility;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.celltrial.enrollment.eligibility.PatientFacts.PriorTherapyFact;
import org.celltrial.enrollment.patient.TherapyCategory;
import org.celltrial.enrollment.patient.TherapyOutcome;

/**
 * Evaluates the protocol's eligibility criteria ({@link EligibilityCriteria}; CellTrial docs/api.md, enrollment:
 * eligibility; docs/clinical-rules.md, Eligibility) on a patient's facts and the investigator's answers, as of the
 * screening date. A criterion is computed from the data where they decide it, and takes the investigator's answer
 * where they do not. Ages and durations are calendar-based ({@link Period}): age is the whole years completed on
 * the screening date, so a patient born on 29 February completes a year on 1 March in common years.
 */
public final class EligibilityEvaluator {

    public static final String AGE = "AGE";
    public static final String CHRONIC_OR_REFRACTORY_ITP = "CHRONIC_OR_REFRACTORY_ITP";
    public static final String SCREENING_PLATELETS = "SCREENING_PLATELETS";
    public static final String STABLE_CORTICOSTEROID_DOSE = "STABLE_CORTICOSTEROID_DOSE";
    /** The investigator's answer {@link #CHRONIC_OR_REFRACTORY_ITP} takes when the recorded outcomes do not decide. */
    public static final String REFRACTORY_ITP = "REFRACTORY_ITP";
    /** Codes of the computed criteria and of the answers they take; no investigator criterion may use them. */
    public static final Set<String> RESERVED_CODES = Set.of(AGE, CHRONIC_OR_REFRACTORY_ITP, REFRACTORY_ITP,
            SCREENING_PLATELETS, STABLE_CORTICOSTEROID_DOSE);

    /** Answers that computed criteria take when their data do not decide them. */
    private static final Set<String> COMPUTED_ANSWER_CODES = Set.of(REFRACTORY_ITP, STABLE_CORTICOSTEROID_DOSE);
    /** The registry's "documented intolerance or insufficient response" (NCT06352281, inclusion 3). */
    private static final Set<TherapyOutcome> FAILURES =
            EnumSet.of(TherapyOutcome.NO_RESPONSE, TherapyOutcome.RELAPSE, TherapyOutcome.INTOLERANCE);

    /**
     * @param answers the investigator's answers by code; a missing or null answer leaves its criterion undecided
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
        List<Assessed> assessed = new ArrayList<>(List.of(
                age(criteria, facts, screeningDate),
                chronicOrRefractory(criteria, facts, answers.get(REFRACTORY_ITP), screeningDate),
                screeningPlatelets(criteria, facts),
                stableCorticosteroidDose(criteria, facts, answers.get(STABLE_CORTICOSTEROID_DOSE), screeningDate)));
        for (InvestigatorCriterion criterion : criteria.investigatorCriteria()) {
            assessed.add(investigatorAnswer(criterion, answers.get(criterion.code())));
        }
        List<CriterionResult> results = assessed.stream().map(Assessed::result).toList();
        List<String> unanswered = assessed.stream()
                .filter(criterion -> criterion.result().met() == null)
                .map(Assessed::answerCode)
                .toList();
        Set<String> answerCodes = Stream.concat(COMPUTED_ANSWER_CODES.stream(),
                        criteria.investigatorCriteria().stream().map(InvestigatorCriterion::code))
                .collect(Collectors.toSet());
        List<String> unknownAnswerCodes = answers.keySet().stream()
                .filter(code -> !answerCodes.contains(code))
                .sorted()
                .toList();
        return new EligibilityResult(EligibilityOutcome.of(results), results, unanswered, unknownAnswerCodes);
    }

    /** A criterion's result and, when the result waits for one, the code of the answer it needs. */
    private record Assessed(CriterionResult result, String answerCode) {

        static Assessed computed(CriterionResult result) {
            return new Assessed(result, null);
        }
    }

    private static Assessed age(EligibilityCriteria criteria, PatientFacts facts, LocalDate screeningDate) {
        int years = Period.between(facts.birthDate(), screeningDate).getYears();
        String allowed = criteria.minAgeYears() + "–" + criteria.maxAgeYears();
        return Assessed.computed(new CriterionResult(AGE, "Age " + allowed + " years at screening",
                years >= criteria.minAgeYears() && years <= criteria.maxAgeYears(),
                "age " + years + " on " + screeningDate + ", allowed " + allowed));
    }

    /**
     * Chronic from the diagnosis date, else refractory from the outcomes of the prior lines, else (a line without
     * a recorded outcome) the investigator's answer; the why names every path that is met.
     */
    private static Assessed chronicOrRefractory(EligibilityCriteria criteria, PatientFacts facts,
            Boolean refractoryAnswer, LocalDate screeningDate) {
        int months = criteria.chronicMoreThanMonths();
        Period sinceDiagnosis = Period.between(facts.itpDiagnosisDate(), screeningDate);
        // Strictly more than the months: exactly that many calendar months (and no day more) is not chronic.
        boolean chronic = sinceDiagnosis.toTotalMonths() > months
                || sinceDiagnosis.toTotalMonths() == months && sinceDiagnosis.getDays() > 0;
        String chronicWhy = (chronic ? "chronic: " : "not chronic: ") + "ITP diagnosed on "
                + facts.itpDiagnosisDate() + ", " + describe(sinceDiagnosis) + " before screening on " + screeningDate
                + ", more than " + count(months, "month") + " required";
        Refractory refractory = Refractory.of(criteria, facts);
        String description = "Chronic ITP (more than " + count(months, "month") + " since diagnosis) or refractory "
                + "ITP (intolerance or insufficient response to first- and second-line therapy)";
        if (chronic) {
            String alsoRefractory = Boolean.TRUE.equals(refractory.met()) ? "; " + refractory.why() : "";
            return Assessed.computed(new CriterionResult(CHRONIC_OR_REFRACTORY_ITP, description, true,
                    chronicWhy + alsoRefractory));
        }
        if (refractory.met() != null) {
            return Assessed.computed(new CriterionResult(CHRONIC_OR_REFRACTORY_ITP, description, refractory.met(),
                    chronicWhy + "; " + refractory.why()));
        }
        return new Assessed(new CriterionResult(CHRONIC_OR_REFRACTORY_ITP, description, refractoryAnswer,
                chronicWhy + "; " + refractory.why() + "; " + REFRACTORY_ITP + ": " + answered(refractoryAnswer)),
                REFRACTORY_ITP);
    }

    /** Where a line of therapy stands on the refractory path. */
    private enum LineStatus { FAILED, UNDECIDED, NOT_FAILED }

    /** The prior therapies of one line, e.g. "first line". */
    private record Line(String name, List<PriorTherapyFact> therapies) {

        static Line of(String name, List<LineTherapy> lineTherapies, PatientFacts facts) {
            return new Line(name, facts.priorTherapies().stream()
                    .filter(therapy -> lineTherapies.stream().anyMatch(line -> line.includes(therapy)))
                    .toList());
        }

        /** A line fails on one therapy given with intolerance or an insufficient response. */
        LineStatus status() {
            if (therapies.stream().anyMatch(therapy -> FAILURES.contains(therapy.outcome()))) {
                return LineStatus.FAILED;
            }
            if (therapies.stream().anyMatch(therapy -> therapy.outcome() == null)) {
                return LineStatus.UNDECIDED;
            }
            return LineStatus.NOT_FAILED;
        }

        /** "prednisone, dexamethasone (first line)", or null when no therapy of the line matches. */
        String named(Predicate<PriorTherapyFact> which) {
            Set<String> names = therapies.stream().filter(which).map(PriorTherapyFact::name)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            return names.isEmpty() ? null : String.join(", ", names) + " (" + name + ")";
        }

        /** Why a line that did not fail did not: "no first-line therapy recorded", "response to IVIG (first line)". */
        String notFailed() {
            return therapies.isEmpty() ? "no " + name.replace(' ', '-') + " therapy recorded"
                    : "response to " + named(therapy -> true);
        }
    }

    /** The refractory path from the recorded outcomes alone: met null when they do not decide it. */
    private record Refractory(Boolean met, String why) {

        static Refractory of(EligibilityCriteria criteria, PatientFacts facts) {
            List<Line> lines = List.of(Line.of("first line", criteria.firstLineTherapies(), facts),
                    Line.of("second line", criteria.secondLineTherapies(), facts));
            List<Line> notFailed = lines.stream().filter(line -> line.status() == LineStatus.NOT_FAILED).toList();
            if (!notFailed.isEmpty()) {
                return new Refractory(false, "not refractory: "
                        + notFailed.stream().map(Line::notFailed).collect(Collectors.joining("; ")));
            }
            String failures = failures(lines);
            if (lines.stream().allMatch(line -> line.status() == LineStatus.FAILED)) {
                return new Refractory(true, "refractory: " + failures);
            }
            String noOutcome = and(lines.stream()
                    .filter(line -> line.status() == LineStatus.UNDECIDED)
                    .map(line -> line.named(therapy -> therapy.outcome() == null)));
            return new Refractory(null, "refractory not decided by the data: no outcome recorded for " + noOutcome
                    + (failures.isEmpty() ? "" : "; " + failures));
        }

        /** "insufficient response to prednisone (first line) and eltrombopag (second line); intolerance of …". */
        private static String failures(List<Line> lines) {
            String insufficient = and(lines.stream().map(line -> line.named(therapy ->
                    therapy.outcome() == TherapyOutcome.NO_RESPONSE || therapy.outcome() == TherapyOutcome.RELAPSE)));
            String intolerance = and(lines.stream().map(line -> line.named(therapy ->
                    therapy.outcome() == TherapyOutcome.INTOLERANCE)));
            return Stream.of(insufficient.isEmpty() ? null : "insufficient response to " + insufficient,
                            intolerance.isEmpty() ? null : "intolerance of " + intolerance)
                    .filter(Objects::nonNull)
                    .collect(Collectors.joining("; "));
        }

        /** The non-null parts joined by " and ". */
        private static String and(Stream<String> parts) {
            return parts.filter(Objects::nonNull).collect(Collectors.joining(" and "));
        }
    }

    private static Assessed screeningPlatelets(EligibilityCriteria criteria, PatientFacts facts) {
        String limit = criteria.maxScreeningPlateletCountPer1e9L().toPlainString();
        return Assessed.computed(new CriterionResult(SCREENING_PLATELETS,
                "Screening platelet count below " + limit + " ×10⁹/L",
                facts.screeningPlateletCountPer1e9L().compareTo(criteria.maxScreeningPlateletCountPer1e9L()) < 0,
                "platelet count " + facts.screeningPlateletCountPer1e9L().toPlainString()
                        + " ×10⁹/L at screening, must be below " + limit + " ×10⁹/L"));
    }

    /**
     * The registry's "if the patient is taking corticosteroids, the treatment regimen/dose should be stable (at least
     * 2 weeks prior to screening)": met when no glucocorticoid is taken at screening, not met when one started fewer
     * than the stable days before it; otherwise the dose was not recorded and the investigator answers.
     */
    private static Assessed stableCorticosteroidDose(EligibilityCriteria criteria, PatientFacts facts,
            Boolean answer, LocalDate screeningDate) {
        int days = criteria.minStableCorticosteroidDays();
        String description = "Corticosteroids, if taken at screening, at a regimen and dose stable for at least "
                + count(days, "day") + " before screening";
        List<PriorTherapyFact> glucocorticoids = facts.priorTherapies().stream()
                .filter(therapy -> therapy.category() == TherapyCategory.GLUCOCORTICOID)
                .toList();
        List<PriorTherapyFact> taken = glucocorticoids.stream()
                .filter(therapy -> therapy.start() == null || !therapy.start().isAfter(screeningDate))
                .filter(therapy -> therapy.end() == null || !therapy.end().isBefore(screeningDate))
                .toList();
        if (taken.isEmpty()) {
            String recorded = glucocorticoids.isEmpty() ? "none recorded" : glucocorticoids.stream()
                    .map(therapy -> therapy.name() + (therapy.end() != null && therapy.end().isBefore(screeningDate)
                            ? " ended on " + therapy.end() : " started on " + therapy.start()))
                    .collect(Collectors.joining(", "));
            return Assessed.computed(new CriterionResult(STABLE_CORTICOSTEROID_DOSE, description, true,
                    "no corticosteroid taken on " + screeningDate + " (" + recorded + ")"));
        }
        List<PriorTherapyFact> recent = taken.stream()
                .filter(therapy -> therapy.start() != null
                        && ChronoUnit.DAYS.between(therapy.start(), screeningDate) < days)
                .toList();
        if (!recent.isEmpty()) {
            return Assessed.computed(new CriterionResult(STABLE_CORTICOSTEROID_DOSE, description, false,
                    recent.stream().map(therapy -> therapy.name() + " started on " + therapy.start() + ", "
                                    + count(ChronoUnit.DAYS.between(therapy.start(), screeningDate), "day")
                                    + " before screening on " + screeningDate)
                            .collect(Collectors.joining("; ")) + ", at least " + count(days, "day") + " required"));
        }
        return new Assessed(new CriterionResult(STABLE_CORTICOSTEROID_DOSE, description, answer,
                taken.stream().map(therapy -> therapy.name() + (therapy.start() == null ? " (start not recorded)"
                                : " since " + therapy.start()))
                        .collect(Collectors.joining(", "))
                        + " taken at screening, dose not recorded: " + answered(answer)), STABLE_CORTICOSTEROID_DOSE);
    }

    private static Assessed investigatorAnswer(InvestigatorCriterion criterion, Boolean answer) {
        return new Assessed(new CriterionResult(criterion.code(), criterion.text(), answer, answered(answer)),
                criterion.code());
    }

    private static String answered(Boolean answer) {
        return answer == null ? "not answered" : answer ? "investigator answered yes" : "investigator answered no";
    }

    /** "11 months 30 days", "6 years 11 months 26 days". */
    private static String describe(Period period) {
        return (period.getYears() > 0 ? count(period.getYears(), "year") + " " : "")
                + count(period.getMonths(), "month") + " " + count(period.getDays(), "day");
    }

    /** "1 month", "12 months". */
    private static String count(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
