package org.celltrial.enrollment.lymphodepletion;

/**
 * A change the protocol made to a planned dose, reported with the dose (docs/clinical-rules.md, Dosing:
 * "the rule applied is reported").
 *
 * @param rule             {@link #RENAL_REDUCTION} or {@link #RENAL_WITHHOLD}
 * @param reductionPercent how much of the full dose was taken off (100 when the agent is withheld)
 * @param reason           the values that triggered the rule, for people
 */
public record DoseAdjustment(String rule, int reductionPercent, String reason) {

    /** Creatinine clearance within the reduction range: the dose is reduced. */
    public static final String RENAL_REDUCTION = "RENAL_REDUCTION";
    /** Creatinine clearance below the reduction range: the agent is not given until the investigator decides. */
    public static final String RENAL_WITHHOLD = "RENAL_WITHHOLD";

    public DoseAdjustment {
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("rule is required");
        }
        if (reductionPercent < 0 || reductionPercent > 100) {
            throw new IllegalArgumentException("reductionPercent must be 0–100, was " + reductionPercent);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is required");
        }
    }
}
