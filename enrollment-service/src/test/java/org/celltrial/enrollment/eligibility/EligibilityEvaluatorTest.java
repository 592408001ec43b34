package org.celltrial.enrollment.eligibility;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.celltrial.enrollment.eligibility.PatientFacts.PriorTherapyFact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CellTrial docs/api.md, enrollment: eligibility; the reference study's criteria (EligibilityCriteria.defaults()). */
class EligibilityEvaluatorTest {

    private static final LocalDate SCREENING = LocalDate.parse("2025-01-10");
    private static final LocalDate BIRTH = LocalDate.parse("2012-06-15");
    private static final LocalDate DIAGNOSIS = LocalDate.parse("2022-01-01");
    private static final BigDecimal PLATELETS = BigDecimal.valueOf(15);
    private static final List<PriorTherapyFact> TWO_LINES = List.of(
            new PriorTherapyFact("GLUCOCORTICOID", "prednisone"), new PriorTherapyFact("TPO_RA", "eltrombopag"));

    private final EligibilityEvaluator evaluator = new EligibilityEvaluator();
    private final EligibilityCriteria criteria = EligibilityCriteria.defaults();

    @ParameterizedTest(name = "born {0}, screened {1}: age {2}, met {3}")
    @CsvSource({
            "2019-01-10, 2025-01-09, 5,  false",
            "2019-01-10, 2025-01-10, 6,  true",
            "2019-01-10, 2025-01-11, 6,  true",
            "1995-01-10, 2025-01-09, 29, true",
            "1995-01-10, 2025-01-10, 30, true",
            "1995-01-10, 2025-01-11, 30, true",
            "1994-01-10, 2025-01-09, 30, true",
            "1994-01-10, 2025-01-10, 31, false",
            "1994-01-10, 2025-01-11, 31, false",
            "2016-02-29, 2022-02-28, 5,  false",
            "2016-02-29, 2022-03-01, 6,  true",
    })
    void ageInWholeYearsWithinMinAndMaxInclusive(LocalDate birthDate, LocalDate screeningDate, int age, boolean met) {
        PatientFacts facts = new PatientFacts(birthDate, birthDate, PLATELETS, TWO_LINES);

        assertEquals(new CriterionResult(EligibilityEvaluator.AGE, "Age 6–30 years at screening", met,
                        "age " + age + " on " + screeningDate + ", allowed 6–30"),
                result(facts, allYes(), screeningDate, EligibilityEvaluator.AGE));
    }

    @ParameterizedTest(name = "diagnosed {0}, screened {1}: {2}, met {3}")
    @CsvSource({
            "2024-01-10, 2025-01-09, 11 months 30 days, false",
            "2024-01-10, 2025-01-10, 12 months 0 days,  true",
            "2024-01-10, 2025-01-11, 12 months 1 day,   true",
            "2024-01-31, 2025-01-30, 11 months 30 days, false",
            "2024-01-31, 2025-01-31, 12 months 0 days,  true",
            "2024-02-29, 2025-02-28, 11 months 30 days, false",
            "2024-02-29, 2025-03-01, 12 months 1 day,   true",
            "2023-01-10, 2025-01-10, 24 months 0 days,  true",
    })
    void primaryItpForAtLeast12WholeMonths(LocalDate diagnosisDate, LocalDate screeningDate, String sinceDiagnosis,
            boolean met) {
        PatientFacts facts = new PatientFacts(BIRTH, diagnosisDate, PLATELETS, TWO_LINES);

        assertEquals(new CriterionResult(EligibilityEvaluator.PRIMARY_ITP_DURATION,
                        "Primary ITP diagnosed at least 12 months before screening", met,
                        "ITP diagnosed on " + diagnosisDate + ", " + sinceDiagnosis + " before screening on "
                                + screeningDate + ", at least 12 months required"),
                result(facts, allYes(), screeningDate, EligibilityEvaluator.PRIMARY_ITP_DURATION));
    }

    // Therapies as "category:agent" joined by " + "; an empty agent is a therapy without one (splenectomy).
    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
            "GLUCOCORTICOID:prednisone | 1 distinct prior line (GLUCOCORTICOID prednisone) | false",
            "GLUCOCORTICOID:prednisone + GLUCOCORTICOID:Prednisone | 1 distinct prior line (GLUCOCORTICOID prednisone) | false",
            "GLUCOCORTICOID:prednisone + TPO_RA:eltrombopag + GLUCOCORTICOID:prednisone | 2 distinct prior lines (GLUCOCORTICOID prednisone; TPO_RA eltrombopag) | true",
            "GLUCOCORTICOID:prednisone + GLUCOCORTICOID:dexamethasone | 2 distinct prior lines (GLUCOCORTICOID prednisone; GLUCOCORTICOID dexamethasone) | true",
            "SPLENECTOMY: + RITUXIMAB:rituximab + SPLENECTOMY: | 2 distinct prior lines (SPLENECTOMY; RITUXIMAB rituximab) | true",
            " | 0 distinct prior lines (none) | false",
    })
    void priorLinesCountDistinctCategoryAndAgent(String therapies, String counted, boolean met) {
        PatientFacts facts = new PatientFacts(BIRTH, DIAGNOSIS, PLATELETS, therapies(therapies));

        assertEquals(new CriterionResult(EligibilityEvaluator.PRIOR_LINES, "At least 2 prior lines of ITP therapy",
                        met, counted + ", at least 2 required"),
                result(facts, allYes(), SCREENING, EligibilityEvaluator.PRIOR_LINES));
    }

    @ParameterizedTest(name = "platelets {0} ×10⁹/L → met {1}")
    @CsvSource({
            "29.9, true",
            "30,   false",
            "30.0, false",
            "30.1, false",
            "0,    true",
    })
    void screeningPlateletsStrictlyBelow30(BigDecimal plateletCount, boolean met) {
        PatientFacts facts = new PatientFacts(BIRTH, DIAGNOSIS, plateletCount, TWO_LINES);

        assertEquals(new CriterionResult(EligibilityEvaluator.SCREENING_PLATELETS,
                        "Screening platelet count below 30 ×10⁹/L", met,
                        "platelet count " + plateletCount + " ×10⁹/L at screening, must be below 30 ×10⁹/L"),
                result(facts, allYes(), SCREENING, EligibilityEvaluator.SCREENING_PLATELETS));
    }

    @ParameterizedTest(name = "answer {0} → met {1}: {2}")
    @CsvSource({
            "true,  true,  investigator answered yes",
            "false, false, investigator answered no",
            ",      ,      not answered",
    })
    void investigatorCriteriaFollowTheAnswer(Boolean answer, Boolean met, String why) {
        Map<String, Boolean> answers = allYes();
        answers.put("NO_PRIOR_CAR_T", answer);

        assertEquals(new CriterionResult("NO_PRIOR_CAR_T", "No prior CAR-T or other gene-modified cell therapy", met,
                why), result(facts(PLATELETS), answers, SCREENING, "NO_PRIOR_CAR_T"));
    }

    // NO_PRIOR_CAR_T answered yes, no, or not at all (empty); platelets decide SCREENING_PLATELETS.
    @ParameterizedTest(name = "platelets {0}, NO_PRIOR_CAR_T answered {1} → {2}")
    @CsvSource({
            "15, true,  ELIGIBLE",
            "15,     ,  INCOMPLETE",
            "15, false, INELIGIBLE",
            "30, true,  INELIGIBLE",
            "30,     ,  INELIGIBLE",
    })
    void oneUnmetCriterionDecidesOtherwiseAnUnansweredOneLeavesItOpen(BigDecimal plateletCount, Boolean answer,
            EligibilityOutcome outcome) {
        Map<String, Boolean> answers = allYes();
        if (answer == null) {
            answers.remove("NO_PRIOR_CAR_T");
        } else {
            answers.put("NO_PRIOR_CAR_T", answer);
        }
        assertEquals(outcome, evaluator.evaluate(criteria, facts(plateletCount), answers, SCREENING).outcome());
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource({
            "true true true, ELIGIBLE",
            "true null true, INCOMPLETE",
            "null null,      INCOMPLETE",
            "true false,     INELIGIBLE",
            "null false,     INELIGIBLE",
            "false,          INELIGIBLE",
    })
    void outcomeOfCriterionResults(String metValues, EligibilityOutcome outcome) {
        List<CriterionResult> results = Arrays.stream(metValues.split(" "))
                .map(met -> new CriterionResult("C", "criterion", met.equals("null") ? null : Boolean.valueOf(met),
                        "because"))
                .toList();
        assertEquals(outcome, EligibilityOutcome.of(results));
    }

    @Test
    void reportsEveryCriterionInOrder() {
        EligibilityResult result = evaluator.evaluate(criteria, facts(PLATELETS), allYes(), SCREENING);

        assertAll(
                () -> assertEquals(EligibilityOutcome.ELIGIBLE, result.outcome()),
                () -> assertEquals(List.of("AGE", "PRIMARY_ITP_DURATION", "PRIOR_LINES", "SCREENING_PLATELETS",
                                "NO_SECONDARY_ITP", "NO_ACTIVE_INFECTION", "ADEQUATE_ORGAN_FUNCTION",
                                "NOT_PREGNANT_OR_BREASTFEEDING", "INFORMED_CONSENT", "NO_PRIOR_CAR_T"),
                        result.criteria().stream().map(CriterionResult::code).toList()),
                () -> assertEquals("age 12 on 2025-01-10, allowed 6–30", result.criteria().get(0).why()),
                () -> assertEquals(List.of(), result.unknownAnswerCodes()));
    }

    @Test
    void reportsAnswersToUnknownCodesWithoutUsingThem() {
        Map<String, Boolean> answers = allYes();
        answers.put("NO_PRIOR_CART", true);
        answers.put(EligibilityEvaluator.AGE, false);

        EligibilityResult result = evaluator.evaluate(criteria, facts(PLATELETS), answers, SCREENING);

        assertAll(
                () -> assertEquals(List.of("AGE", "NO_PRIOR_CART"), result.unknownAnswerCodes()),
                () -> assertEquals(true, result.criteria().get(0).met()),
                () -> assertEquals(EligibilityOutcome.ELIGIBLE, result.outcome()));
    }

    @Test
    void rejectsProgrammingErrors() {
        List<InvestigatorCriterion> consent = List.of(new InvestigatorCriterion("INFORMED_CONSENT", "Consent"));
        assertAll(
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new EligibilityCriteria(6, 30, 12, 2, BigDecimal.TEN, List.of(consent.get(0), consent.get(0)))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new EligibilityCriteria(6, 30, 12, 2, BigDecimal.TEN,
                                List.of(new InvestigatorCriterion(EligibilityEvaluator.AGE, "Age")))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new EligibilityCriteria(31, 30, 12, 2, BigDecimal.TEN, consent)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new EligibilityCriteria(6, 30, 12, 2, BigDecimal.ZERO, consent)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new PatientFacts(BIRTH, BIRTH.minusDays(1), PLATELETS, TWO_LINES)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new PatientFacts(BIRTH, DIAGNOSIS, BigDecimal.valueOf(-1), TWO_LINES)),
                () -> assertThrows(IllegalArgumentException.class, () -> new PriorTherapyFact(" ", "prednisone")),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> evaluator.evaluate(criteria, facts(PLATELETS), allYes(), DIAGNOSIS.minusDays(1))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> evaluator.evaluate(criteria, facts(PLATELETS), null, SCREENING)));
    }

    private CriterionResult result(PatientFacts facts, Map<String, Boolean> answers, LocalDate screeningDate,
            String code) {
        return evaluator.evaluate(criteria, facts, answers, screeningDate).criteria().stream()
                .filter(result -> result.code().equals(code))
                .findFirst().orElseThrow();
    }

    private static PatientFacts facts(BigDecimal plateletCount) {
        return new PatientFacts(BIRTH, DIAGNOSIS, plateletCount, TWO_LINES);
    }

    /** Mutable, so a test can change or drop one answer. */
    private Map<String, Boolean> allYes() {
        Map<String, Boolean> answers = new HashMap<>();
        criteria.investigatorCriteria().forEach(criterion -> answers.put(criterion.code(), true));
        return answers;
    }

    private static List<PriorTherapyFact> therapies(String therapies) {
        if (therapies == null) {
            return List.of();
        }
        return Arrays.stream(therapies.split(" \\+ "))
                .map(therapy -> therapy.split(":", -1))
                .map(parts -> new PriorTherapyFact(parts[0], parts[1]))
                .toList();
    }
}
