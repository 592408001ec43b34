package org.celltrial.safety.crs;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * Vital signs (docs/api.md). Temperature 30–45 °C; oxygen LOW_FLOW is ≤ 6 L/min nasal cannula or blow-by, HIGH_FLOW
 * more, or a face mask, non-rebreather or Venturi; POSITIVE_PRESSURE is CPAP, BiPAP or ventilation. Findings the
 * investigator attributes to another cause come with that cause named ({@code otherCause}).
 */
public record VitalsRequest(
        @NotNull @PastOrPresent Instant at,
        @NotNull @DecimalMin("30") @DecimalMax("45") @Digits(integer = 2, fraction = 1) BigDecimal temperatureC,
        @NotNull Hypotension hypotension,
        @NotNull OxygenSupport oxygen,
        @DecimalMin("0") @DecimalMax("80") @Digits(integer = 2, fraction = 1) BigDecimal oxygenLpm,
        @NotNull Boolean antipyreticOrAntiCytokine,
        OtherCause attributedToOtherCause,
        @Size(max = 500) String otherCause) {
}
