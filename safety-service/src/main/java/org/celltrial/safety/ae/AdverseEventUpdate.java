package org.celltrial.safety.ae;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * What a follow-up may change on an event, with why: seriousness, relatedness, outcome, treatments, and (safety
 * officers only) a confirmed grade that confirms or overrides the derived one, and the sponsor's causality assessment
 * of the CAR-T product beside the investigator's. The derived grade stays.
 */
public record AdverseEventUpdate(
        @Min(1) @Max(5) Integer confirmedGrade,
        @NotNull Boolean serious,
        @NotNull List<@NotNull SeriousnessCriterion> seriousnessCriteria,
        Relatedness relatedToCarT,
        Relatedness relatedToLymphodepletion,
        Relatedness sponsorRelatedToCarT,
        Outcome outcome,
        @PastOrPresent LocalDate resolvedOn,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 100) String> treatments,
        @PastOrPresent LocalDate awarenessDate,
        Boolean expected,
        @PastOrPresent LocalDate reportedOn,
        @NotBlank @Size(max = 2000) String reason) {
}
