package org.celltrial.efficacy.platelet;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** A platelet count (×10⁹/L, 0–2000) with the WHO bleeding grade (0–4) assessed at the same visit. */
public record PlateletCountRequest(
        @NotNull @PastOrPresent LocalDate date,
        @NotNull @DecimalMin("0") @DecimalMax("2000") @Digits(integer = 4, fraction = 1) BigDecimal valuePer1e9L,
        @Min(0) @Max(4) Integer bleeding,
        @Size(max = 60) String source) {
}
