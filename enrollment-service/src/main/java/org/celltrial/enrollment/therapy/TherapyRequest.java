package org.celltrial.enrollment.therapy;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A therapy given around the CAR-T, e.g. IVIG 1 g/kg as rescue, or daratumumab 800 mg as subsequent therapy. */
public record TherapyRequest(
        @NotNull TherapyKind kind,
        @NotBlank @Size(max = 100) String agent,
        @NotNull TreatmentCategory category,
        @DecimalMin("0") @DecimalMax("1000000") BigDecimal doseValue,
        @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9/.{}\\[\\]%*-]+", message = "must be a UCUM unit such as mg, g/kg, [iU]")
        String doseUnit,
        @NotNull @PastOrPresent LocalDate start,
        @PastOrPresent LocalDate end,
        @Size(max = 300) String indication) {
}
