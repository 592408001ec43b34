package org.celltrial.enrollment.lymphodepletion;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One agent on one study day of a lymphodepletion plan (docs/clinical-rules.md, Dosing).
 *
 * @param fullDoseMg       mg/m² × rounded BSA, rounded: the dose before any renal adjustment
 * @param doseMg           the dose to give: the full dose, the reduced dose, or 0 when withheld
 * @param adjustment       the rule that changed the dose, or null when the full dose is given
 * @param requiresDecision true when the agent is withheld and the investigator must decide how to proceed
 */
public record PlannedDose(String agent, int studyDay, LocalDate date, BigDecimal mgPerM2, BigDecimal fullDoseMg,
        BigDecimal doseMg, DoseAdjustment adjustment, boolean requiresDecision) {

    public PlannedDose {
        if (agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("agent is required");
        }
        if (date == null || mgPerM2 == null || fullDoseMg == null || doseMg == null) {
            throw new IllegalArgumentException("date, mgPerM2, fullDoseMg and doseMg of " + agent + " are required");
        }
        if (doseMg.signum() < 0 || doseMg.compareTo(fullDoseMg) > 0) {
            throw new IllegalArgumentException(
                    "doseMg of " + agent + " must be 0–" + fullDoseMg + " (the full dose), was " + doseMg);
        }
    }
}
