package org.celltrial.enrollment.deviation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

public record DeviationRequest(@NotNull DeviationCategory category, @NotBlank @Size(max = 4000) String description,
        @NotNull @PastOrPresent LocalDate occurredOn) {
}
