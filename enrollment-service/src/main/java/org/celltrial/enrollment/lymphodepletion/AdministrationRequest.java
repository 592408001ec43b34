package org.celltrial.enrollment.lymphodepletion;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A dose as given ({@code agent}, {@code date}, {@code doseMg}), or {@code {"omitted": true, "reason": ...}}
 * when lymphodepletion is left out for this patient (recorded as a protocol deviation dated {@code date}, the day
 * it was decided, or today when none is given: records are often entered after the fact).
 */
public record AdministrationRequest(
        @Size(max = 60) String agent,
        @PastOrPresent LocalDate date,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000") BigDecimal doseMg,
        Boolean omitted,
        @Size(max = 4000) String reason) {

    public boolean isOmission() {
        return Boolean.TRUE.equals(omitted);
    }
}
