package org.celltrial.enrollment.protocol;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A CAR-T dose level of the protocol, e.g. DL1 = 1.5×10⁵ CAR-T cells per kg. */
public record DoseLevel(
        @NotNull @Pattern(regexp = "DL[0-9]{1,2}", message = "must look like DL1") String code,
        @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal cellsPerKg) {
}
