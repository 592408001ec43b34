package org.celltrial.enrollment.lymphodepletion;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/clinical-rules.md, Dosing: BSA-based lymphodepletion with renal adjustment of fludarabine. */
class LymphodepletionPlannerTest {

    private static final LocalDate INFUSION = LocalDate.parse("2025-03-02");
    private static final BigDecimal HEIGHT_CM = BigDecimal.valueOf(140);
    private static final BigDecimal WEIGHT_KG = BigDecimal.valueOf(32);

    private final LymphodepletionPlanner planner = new LymphodepletionPlanner();

    @Test
    void workedCaseFromTheRules() {
        LymphodepletionPlan plan = planner.plan(RegimenAgent.defaultRegimen(), INFUSION, HEIGHT_CM, WEIGHT_KG, null,
                DosingRules.defaults());

        assertEquals(new BigDecimal("1.12"), plan.bsaM2());
        assertEquals(BsaFormula.MOSTELLER, plan.bsaFormula());
        List<String> expected = List.of(
                "fludarabine -5 2025-02-25 34",
                "cyclophosphamide -5 2025-02-25 336",
                "fludarabine -4 2025-02-26 34",
                "cyclophosphamide -4 2025-02-26 336",
                "fludarabine -3 2025-02-27 34",
                "cyclophosphamide -3 2025-02-27 336");
        assertEquals(expected, plan.doses().stream()
                .map(dose -> dose.agent() + " " + dose.studyDay() + " " + dose.date() + " " + dose.doseMg())
                .toList());
        assertTrue(plan.doses().stream().allMatch(dose -> dose.fullDoseMg().equals(dose.doseMg())
                && dose.adjustment() == null && !dose.requiresDecision()));
    }

    @ParameterizedTest(name = "CrCl {0} mL/min → fludarabine {1} mg, {2}")
    @CsvSource({
            "29.9, 0,  RENAL_WITHHOLD,  100, true",
            "30,   27, RENAL_REDUCTION, 20,  false",
            "30.1, 27, RENAL_REDUCTION, 20,  false",
            "69.9, 27, RENAL_REDUCTION, 20,  false",
            "70,   27, RENAL_REDUCTION, 20,  false",
            "70.1, 34, ,                ,    false",
            ",     34, ,                ,    false",
            "0,    0,  RENAL_WITHHOLD,  100, true",
    })
    void fludarabineFollowsCreatinineClearance(BigDecimal creatinineClearance, BigDecimal fludarabineMg, String rule,
            Integer reductionPercent, boolean requiresDecision) {
        LymphodepletionPlan plan = planner.plan(RegimenAgent.defaultRegimen(), INFUSION, HEIGHT_CM, WEIGHT_KG,
                creatinineClearance, DosingRules.defaults());

        for (PlannedDose dose : plan.doses()) {
            if (dose.agent().equals(RegimenAgent.FLUDARABINE)) {
                assertAll(
                        () -> assertEquals(new BigDecimal("34"), dose.fullDoseMg()),
                        () -> assertEquals(fludarabineMg, dose.doseMg()),
                        () -> assertEquals(rule, dose.adjustment() == null ? null : dose.adjustment().rule()),
                        () -> assertEquals(reductionPercent,
                                dose.adjustment() == null ? null : dose.adjustment().reductionPercent()),
                        () -> assertEquals(requiresDecision, dose.requiresDecision()));
            } else {
                assertAll(
                        () -> assertEquals(new BigDecimal("336"), dose.doseMg()),
                        () -> assertNull(dose.adjustment()),
                        () -> assertFalse(dose.requiresDecision()));
            }
        }
    }

    @Test
    void withholdingNamesTheClearanceAndTheThreshold() {
        PlannedDose fludarabine = planner.plan(RegimenAgent.defaultRegimen(), INFUSION, HEIGHT_CM, WEIGHT_KG,
                new BigDecimal("29.9"), DosingRules.defaults()).doses().get(0);

        assertEquals("creatinine clearance 29.9 mL/min is below 30 mL/min: fludarabine not given, "
                + "the investigator must decide", fludarabine.adjustment().reason());
    }

    @Test
    void reductionNamesTheClearanceAndTheRange() {
        PlannedDose fludarabine = planner.plan(RegimenAgent.defaultRegimen(), INFUSION, HEIGHT_CM, WEIGHT_KG,
                new BigDecimal("45.5"), DosingRules.defaults()).doses().get(0);

        assertEquals("creatinine clearance 45.5 mL/min is within 30–70 mL/min: fludarabine reduced by 20 %",
                fludarabine.adjustment().reason());
    }

    @Test
    void reducedDoseIsRoundedOnceFromTheUnroundedFullDose() {
        // Haycock gives 1.11 m²: 30 × 1.11 = 33.3 → full dose 33 mg; 33.3 × 0.8 = 26.64 → 27 mg, where rounding
        // the already rounded 33 mg would give 26.4 → 26 mg.
        LymphodepletionPlan plan = planner.plan(RegimenAgent.defaultRegimen(), INFUSION, HEIGHT_CM, WEIGHT_KG,
                BigDecimal.valueOf(50), rules(BsaFormula.HAYCOCK, RoundingMode.HALF_UP, 0));

        PlannedDose fludarabine = plan.doses().get(0);
        assertAll(
                () -> assertEquals(new BigDecimal("1.11"), plan.bsaM2()),
                () -> assertEquals(BsaFormula.HAYCOCK, plan.bsaFormula()),
                () -> assertEquals(new BigDecimal("33"), fludarabine.fullDoseMg()),
                () -> assertEquals(new BigDecimal("27"), fludarabine.doseMg()),
                () -> assertEquals(new BigDecimal("333"), plan.doses().get(1).doseMg()));
    }

    @ParameterizedTest(name = "{0} cm, {1} kg, {2} → {3} m², fludarabine {4} mg, cyclophosphamide {5} mg")
    @CsvSource({
            "150, 30.374, HALF_UP,   1.12, 34, 336",
            "150, 30.375, HALF_UP,   1.13, 34, 339",
            "150, 30.376, HALF_UP,   1.13, 34, 339",
            "150, 30.375, HALF_EVEN, 1.12, 34, 336",
    })
    void roundsBsaBeforeDosing(BigDecimal heightCm, BigDecimal weightKg, RoundingMode rounding, BigDecimal bsaM2,
            BigDecimal fludarabineMg, BigDecimal cyclophosphamideMg) {
        LymphodepletionPlan plan = planner.plan(RegimenAgent.defaultRegimen(), INFUSION, heightCm, weightKg, null,
                rules(BsaFormula.MOSTELLER, rounding, 0));

        assertAll(
                () -> assertEquals(bsaM2, plan.bsaM2()),
                () -> assertEquals(fludarabineMg, plan.doses().get(0).doseMg()),
                () -> assertEquals(cyclophosphamideMg, plan.doses().get(1).doseMg()));
    }

    @ParameterizedTest(name = "30 mg/m² × 1.15 m² = 34.5 mg, {0} to scale {1} → {2} mg")
    @CsvSource({
            "HALF_UP,   0, 35",
            "HALF_EVEN, 0, 34",
            "DOWN,      0, 34",
            "HALF_UP,   1, 34.5",
    })
    void roundsTheDoseAsTheProtocolSays(RoundingMode rounding, int doseScale, BigDecimal fludarabineMg) {
        // 150 cm × 31.74 kg is exactly 1.15 m² (Mosteller), so the dose sits exactly on a half milligram.
        LymphodepletionPlan plan = planner.plan(RegimenAgent.defaultRegimen(), INFUSION, BigDecimal.valueOf(150),
                new BigDecimal("31.74"), null, rules(BsaFormula.MOSTELLER, rounding, doseScale));

        assertEquals(new BigDecimal("1.15"), plan.bsaM2());
        assertEquals(fludarabineMg, plan.doses().get(0).doseMg());
    }

    @Test
    void ordersByDayThenByAgentAsGiven() {
        List<RegimenAgent> regimen = List.of(
                RegimenAgent.of(RegimenAgent.CYCLOPHOSPHAMIDE, BigDecimal.valueOf(300), List.of(-3, -5)),
                RegimenAgent.of(RegimenAgent.FLUDARABINE, BigDecimal.valueOf(30), List.of(-4, -5)));

        LymphodepletionPlan plan = planner.plan(regimen, INFUSION, HEIGHT_CM, WEIGHT_KG, null, DosingRules.defaults());

        assertEquals(List.of("-5 cyclophosphamide", "-5 fludarabine", "-4 fludarabine", "-3 cyclophosphamide"),
                plan.doses().stream().map(dose -> dose.studyDay() + " " + dose.agent()).toList());
    }

    @Test
    void onlyRenallyAdjustedAgentsAreReduced() {
        List<RegimenAgent> regimen = List.of(
                new RegimenAgent(RegimenAgent.FLUDARABINE, BigDecimal.valueOf(30), List.of(-5), false),
                new RegimenAgent("bendamustine", BigDecimal.valueOf(90), List.of(-5), true));

        LymphodepletionPlan plan = planner.plan(regimen, INFUSION, HEIGHT_CM, WEIGHT_KG, BigDecimal.valueOf(50),
                DosingRules.defaults());

        assertNull(plan.doses().get(0).adjustment());
        assertEquals(new BigDecimal("34"), plan.doses().get(0).doseMg());
        // 90 × 1.12 = 100.8; × 0.8 = 80.64 → 81 mg
        assertEquals(DoseAdjustment.RENAL_REDUCTION, plan.doses().get(1).adjustment().rule());
        assertEquals(new BigDecimal("81"), plan.doses().get(1).doseMg());
    }

    @Test
    void fludarabineIsRenallyAdjustedByDefault() {
        assertTrue(RegimenAgent.of("Fludarabine", BigDecimal.valueOf(30), List.of(-5)).renallyAdjusted());
        assertFalse(RegimenAgent.of(RegimenAgent.CYCLOPHOSPHAMIDE, BigDecimal.valueOf(300), List.of(-5))
                .renallyAdjusted());
    }

    @Test
    void rejectsProgrammingErrors() {
        DosingRules rules = DosingRules.defaults();
        List<RegimenAgent> regimen = RegimenAgent.defaultRegimen();
        assertAll(
                () -> assertThrows(IllegalArgumentException.class,
                        () -> planner.plan(null, INFUSION, HEIGHT_CM, WEIGHT_KG, null, rules)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> planner.plan(List.of(), INFUSION, HEIGHT_CM, WEIGHT_KG, null, rules)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> planner.plan(List.of(regimen.get(0), regimen.get(0)), INFUSION, HEIGHT_CM, WEIGHT_KG,
                                null, rules)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> planner.plan(regimen, null, HEIGHT_CM, WEIGHT_KG, null, rules)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> planner.plan(regimen, INFUSION, BigDecimal.ZERO, WEIGHT_KG, null, rules)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> planner.plan(regimen, INFUSION, HEIGHT_CM, WEIGHT_KG, BigDecimal.valueOf(-1), rules)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> planner.plan(regimen, INFUSION, HEIGHT_CM, WEIGHT_KG, null, null)));
    }

    @ParameterizedTest(name = "{0} {1} mg/m² on days [{2}] is rejected")
    @CsvSource({
            "fludarabine, 0,  -5",
            "fludarabine, 30, ''",
            "fludarabine, 30, 0",
            "fludarabine, 30, -5 1",
            "fludarabine, 30, -5 -5",
            "'',          30, -5",
    })
    void regimenAgentRejectsNonsense(String agent, BigDecimal mgPerM2, String days) {
        List<Integer> studyDays = days.isBlank()
                ? List.of()
                : Arrays.stream(days.split(" ")).map(Integer::valueOf).toList();
        assertThrows(IllegalArgumentException.class, () -> RegimenAgent.of(agent, mgPerM2, studyDays));
    }

    /** The default rules with another formula, rounding mode or dose precision. */
    private static DosingRules rules(BsaFormula formula, RoundingMode rounding, int doseScale) {
        DosingRules defaults = DosingRules.defaults();
        return new DosingRules(formula, defaults.bsaScale(), doseScale, rounding,
                defaults.renalReductionLowerMlMin(), defaults.renalReductionUpperMlMin(),
                defaults.renalReductionPercent());
    }
}
