package org.celltrial.enrollment.lymphodepletion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A stored lymphodepletion plan: per agent and day the date, BSA, dose and any reduction applied and why. */
public record PlanView(UUID id, UUID patientId, LocalDate plannedInfusionDate, int protocolVersion,
        BigDecimal heightCm, BigDecimal weightKg, BigDecimal creatinineClearanceMlMin, BigDecimal bsaM2,
        BsaFormula bsaFormula, List<PlannedDose> doses) {
}
