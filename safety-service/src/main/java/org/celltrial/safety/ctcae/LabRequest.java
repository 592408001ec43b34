package org.celltrial.safety.ctcae;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** A lab result (docs/api.md): counts in 10*9/L, hemoglobin in g/dL or g/L, the normal range with each result. */
public record LabRequest(
        @NotNull @PastOrPresent Instant at,
        @NotNull Analyte analyte,
        @NotNull @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 9, fraction = 3) BigDecimal value,
        @NotBlank @Size(max = 20) String unit,
        @DecimalMin("0") @Digits(integer = 9, fraction = 3) BigDecimal lowerLimitNormal,
        @DecimalMin("0") @Digits(integer = 9, fraction = 3) BigDecimal upperLimitNormal) {
}
