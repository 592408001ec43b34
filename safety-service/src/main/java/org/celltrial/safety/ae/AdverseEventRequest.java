package org.celltrial.safety.ae;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An adverse event reported by hand (docs/api.md). */
public record AdverseEventRequest(
        @NotBlank @Size(max = 200) String ctcaeTerm,
        @NotNull @Pattern(regexp = "[0-9]{8}", message = "must be an 8-digit MedDRA code") String meddraCode,
        @NotNull @PastOrPresent LocalDate onset,
        @NotNull @Min(1) @Max(5) Integer grade,
        @NotNull Boolean serious,
        @NotNull List<@NotNull SeriousnessCriterion> seriousnessCriteria,
        Relatedness relatedToCarT,
        Relatedness relatedToLymphodepletion,
        Outcome outcome,
        @PastOrPresent LocalDate resolvedOn,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 100) String> treatments,
        @PastOrPresent LocalDate awarenessDate,
        Boolean expected) {
}
