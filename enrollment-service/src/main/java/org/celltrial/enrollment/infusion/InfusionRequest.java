package org.celltrial.enrollment.infusion;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

public record InfusionRequest(
        @NotNull @PastOrPresent LocalDate date,
        @NotNull @DecimalMin("2") @DecimalMax("300") @Digits(integer = 4, fraction = 1) BigDecimal weightKg,
        @NotBlank String doseLevel,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1e11") BigDecimal totalCellsInfused) {
}
