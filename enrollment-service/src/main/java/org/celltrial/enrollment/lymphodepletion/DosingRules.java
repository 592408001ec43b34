package org.celltrial.enrollment.lymphodepletion;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The protocol's choices for computing lymphodepletion doses. Defaults from docs/clinical-rules.md, Dosing:
 * Mosteller BSA rounded to 0.01 m² first, then each daily dose to 1 mg, half up; a renally adjusted agent
 * (fludarabine) is reduced by 20 % for a creatinine clearance of 30–70 mL/min, both bounds included, and is
 * not given below 30 mL/min.
 *
 * @param bsaFormula               how BSA is computed
 * @param bsaScale                 decimal places BSA is rounded to before dosing (2 = 0.01 m²)
 * @param doseScale                decimal places a daily dose is rounded to (0 = 1 mg)
 * @param rounding                 how BSA and doses are rounded
 * @param renalReductionLowerMlMin lowest creatinine clearance still dosed (reduced); below it the agent is withheld
 * @param renalReductionUpperMlMin highest creatinine clearance still reduced; above it the full dose is given
 * @param renalReductionPercent    the reduction applied from the lower to the upper bound
 */
public record DosingRules(BsaFormula bsaFormula, int bsaScale, int doseScale, RoundingMode rounding,
        BigDecimal renalReductionLowerMlMin, BigDecimal renalReductionUpperMlMin, int renalReductionPercent) {

    public DosingRules {
        if (bsaFormula == null) {
            throw new IllegalArgumentException("bsaFormula is required");
        }
        if (bsaScale < 0 || doseScale < 0) {
            throw new IllegalArgumentException(
                    "bsaScale and doseScale must not be negative, were " + bsaScale + " and " + doseScale);
        }
        if (rounding == null || rounding == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("rounding must be a rounding mode other than UNNECESSARY, was " + rounding);
        }
        if (renalReductionLowerMlMin == null || renalReductionUpperMlMin == null
                || renalReductionLowerMlMin.signum() < 0
                || renalReductionLowerMlMin.compareTo(renalReductionUpperMlMin) > 0) {
            throw new IllegalArgumentException("renal reduction bounds must satisfy 0 ≤ lower ≤ upper, were "
                    + renalReductionLowerMlMin + " and " + renalReductionUpperMlMin);
        }
        if (renalReductionPercent < 0 || renalReductionPercent > 100) {
            throw new IllegalArgumentException("renalReductionPercent must be 0–100, was " + renalReductionPercent);
        }
    }

    public static DosingRules defaults() {
        return new DosingRules(BsaFormula.MOSTELLER, 2, 0, RoundingMode.HALF_UP,
                BigDecimal.valueOf(30), BigDecimal.valueOf(70), 20);
    }

    /** BSA rounded to the protocol's precision; doses are computed from this value, not from the unrounded one. */
    public BigDecimal roundBsa(BigDecimal bsaM2) {
        return bsaM2.setScale(bsaScale, rounding);
    }

    /** A daily dose rounded to the protocol's precision; every dose goes through here exactly once. */
    public BigDecimal roundDose(BigDecimal doseMg) {
        return doseMg.setScale(doseScale, rounding);
    }
}
