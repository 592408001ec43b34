package org.celltrial.enrollment.lymphodepletion;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

public record PlanRequest(
        @NotNull LocalDate plannedInfusionDate,
        @NotNull @DecimalMin("40") @DecimalMax("250") @Digits(integer = 4, fraction = 1) BigDecimal heightCm,
        @NotNull @DecimalMin("2") @DecimalMax("300") @Digits(integer = 4, fraction = 1) BigDecimal weightKg,
        @DecimalMin("0") @DecimalMax("300") @Digits(integer = 4, fraction = 1) BigDecimal creatinineClearanceMlMin) {
}
