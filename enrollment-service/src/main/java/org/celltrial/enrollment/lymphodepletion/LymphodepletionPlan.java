package org.celltrial.enrollment.lymphodepletion;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A patient's lymphodepletion plan (docs/clinical-rules.md, Dosing).
 *
 * @param bsaM2 the BSA the doses were computed from, already rounded to the protocol's precision
 * @param doses ordered by study day, then by agent in the regimen's order
 */
public record LymphodepletionPlan(BigDecimal bsaM2, BsaFormula bsaFormula, List<PlannedDose> doses) {

    public LymphodepletionPlan {
        if (bsaM2 == null || bsaM2.signum() <= 0) {
            throw new IllegalArgumentException("bsaM2 must be positive, was " + bsaM2);
        }
        if (bsaFormula == null) {
            throw new IllegalArgumentException("bsaFormula is required");
        }
        if (doses == null || doses.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("doses must be a list without nulls");
        }
        doses = List.copyOf(doses);
    }
}
