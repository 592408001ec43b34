package org.celltrial.efficacy.kinetics;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

public record KineticsRequest(
        @NotNull @PastOrPresent LocalDate date,
        @NotNull @DecimalMin("0") @DecimalMax("1e9") @Digits(integer = 10, fraction = 1) BigDecimal copiesPerUgDna) {
}
