package org.celltrial.efficacy.antibody;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

public record AutoantibodyRequest(
        @NotNull @PastOrPresent LocalDate date,
        @NotNull GpTarget target,
        @NotNull @DecimalMin("0") @DecimalMax("10") @Digits(integer = 2, fraction = 3) BigDecimal opticalDensity,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") @Digits(integer = 2, fraction = 3)
        BigDecimal cutoff) {
}
