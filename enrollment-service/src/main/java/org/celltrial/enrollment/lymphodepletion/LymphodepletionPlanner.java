package org.celltrial.enrollment.lymphodepletion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Plans lymphodepletion, per docs/clinical-rules.md, Dosing: dose (mg) = mg/m² × BSA per day, BSA rounded
 * first (default 0.01 m²), then the dose (default 1 mg); 140 cm and 32 kg give 1.12 m², 34 mg fludarabine and
 * 336 mg cyclophosphamide. A renally adjusted agent (fludarabine) is reduced for a creatinine clearance within the
 * protocol's range (default 30–70 mL/min, −20 %) and not given below it, which needs the investigator's decision;
 * the rule applied is reported with the dose.
 */
public final class LymphodepletionPlanner {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * @param creatinineClearanceMlMinOrNull null when not measured: the full dose is planned
     */
    public LymphodepletionPlan plan(List<RegimenAgent> regimen, LocalDate plannedInfusionDate, BigDecimal heightCm,
            BigDecimal weightKg, BigDecimal creatinineClearanceMlMinOrNull, DosingRules rules) {
        requireRegimen(regimen);
        if (plannedInfusionDate == null) {
            throw new IllegalArgumentException("plannedInfusionDate is required");
        }
        if (rules == null) {
            throw new IllegalArgumentException("rules are required");
        }
        if (creatinineClearanceMlMinOrNull != null && creatinineClearanceMlMinOrNull.signum() < 0) {
            throw new IllegalArgumentException(
                    "creatinine clearance must not be negative, was " + creatinineClearanceMlMinOrNull);
        }
        BigDecimal bsaM2 = rules.roundBsa(rules.bsaFormula().bodySurfaceArea(heightCm, weightKg));

        List<PlannedDose> doses = new ArrayList<>();
        for (RegimenAgent agent : regimen) {
            DailyDose daily = dailyDose(agent, bsaM2, creatinineClearanceMlMinOrNull, rules);
            for (int studyDay : agent.days()) {
                doses.add(new PlannedDose(agent.agent(), studyDay, plannedInfusionDate.plusDays(studyDay),
                        agent.mgPerM2(), daily.fullDoseMg(), daily.doseMg(), daily.adjustment(),
                        daily.requiresDecision()));
            }
        }
        // List.sort is stable: on the same day, agents keep the regimen's order.
        doses.sort(Comparator.comparingInt(PlannedDose::studyDay));
        return new LymphodepletionPlan(bsaM2, rules.bsaFormula(), doses);
    }

    /** The same on every day of an agent. */
    private record DailyDose(BigDecimal fullDoseMg, BigDecimal doseMg, DoseAdjustment adjustment,
            boolean requiresDecision) {
    }

    private static DailyDose dailyDose(RegimenAgent agent, BigDecimal bsaM2, BigDecimal creatinineClearanceMlMin,
            DosingRules rules) {
        BigDecimal unroundedFullDoseMg = agent.mgPerM2().multiply(bsaM2);
        BigDecimal fullDoseMg = rules.roundDose(unroundedFullDoseMg);
        if (!agent.renallyAdjusted() || creatinineClearanceMlMin == null
                || creatinineClearanceMlMin.compareTo(rules.renalReductionUpperMlMin()) > 0) {
            return new DailyDose(fullDoseMg, fullDoseMg, null, false);
        }
        String clearance = "creatinine clearance " + creatinineClearanceMlMin.toPlainString() + " mL/min";
        if (creatinineClearanceMlMin.compareTo(rules.renalReductionLowerMlMin()) < 0) {
            DoseAdjustment withhold = new DoseAdjustment(DoseAdjustment.RENAL_WITHHOLD, 100,
                    clearance + " is below " + rules.renalReductionLowerMlMin().toPlainString() + " mL/min: "
                            + agent.agent() + " not given, the investigator must decide");
            return new DailyDose(fullDoseMg, rules.roundDose(BigDecimal.ZERO), withhold, true);
        }
        int percent = rules.renalReductionPercent();
        DoseAdjustment reduction = new DoseAdjustment(DoseAdjustment.RENAL_REDUCTION, percent,
                clearance + " is within " + rules.renalReductionLowerMlMin().toPlainString() + "–"
                        + rules.renalReductionUpperMlMin().toPlainString() + " mL/min: " + agent.agent()
                        + " reduced by " + percent + " %");
        // Reduced from the unrounded dose so that the result is rounded once, not twice.
        BigDecimal reducedDoseMg = rules.roundDose(
                unroundedFullDoseMg.multiply(BigDecimal.valueOf(100L - percent)).divide(HUNDRED));
        return new DailyDose(fullDoseMg, reducedDoseMg, reduction, false);
    }

    private static void requireRegimen(List<RegimenAgent> regimen) {
        if (regimen == null || regimen.isEmpty() || regimen.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("regimen must name at least one agent and contain no nulls");
        }
        Set<String> agents = new HashSet<>();
        for (RegimenAgent agent : regimen) {
            // Listed twice, an agent could be given twice on the same day.
            if (!agents.add(agent.agent().strip().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("regimen lists " + agent.agent() + " more than once");
            }
        }
    }
}
