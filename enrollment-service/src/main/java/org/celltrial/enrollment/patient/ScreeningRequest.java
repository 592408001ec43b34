package org.celltrial.enrollment.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Screening a patient (docs/api.md). Physiological bounds: height 40–250 cm, weight 2–300 kg, platelets 0–2000. */
public record ScreeningRequest(
        @NotBlank String siteCode,
        @NotBlank @Size(max = 40) String screeningNumber,
        @NotNull Sex sex,
        @NotNull @PastOrPresent LocalDate birthDate,
        @Pattern(regexp = "[A-Z]{1,5}", message = "must be 1-5 capital letters") String initials,
        @NotNull @DecimalMin("40") @DecimalMax("250") @Digits(integer = 4, fraction = 1) BigDecimal heightCm,
        @NotNull @DecimalMin("2") @DecimalMax("300") @Digits(integer = 4, fraction = 1) BigDecimal weightKg,
        @NotNull @PastOrPresent LocalDate itpDiagnosisDate,
        @NotNull @DecimalMin("0") @DecimalMax("2000") @Digits(integer = 4, fraction = 1) BigDecimal baselinePlateletCountPer1e9L,
        @NotNull @Size(max = 50) List<@NotNull @Valid PriorTherapyEntry> priorTherapies,
        Boolean gpAutoantibodyPositive,
        @PastOrPresent LocalDate screeningDate) {
}
