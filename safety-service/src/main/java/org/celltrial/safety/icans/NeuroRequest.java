package org.celltrial.safety.icans;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

/**
 * A neurological assessment (api.md): the ICE score (patients over 12) or the CAPD score (12 and under), with
 * consciousness, seizures, motor findings and cerebral edema.
 */
public record NeuroRequest(
        @NotNull @PastOrPresent Instant at,
        @Valid Ice ice,
        @Min(0) @Max(32) Integer capdScore,
        @NotNull Consciousness consciousness,
        @NotNull Seizure seizure,
        @NotNull MotorWeakness motorWeakness,
        @NotNull CerebralEdema cerebralEdema) {

    /** The ICE items, each within its maximum. */
    public record Ice(
            @NotNull @Min(0) @Max(4) Integer orientation,
            @NotNull @Min(0) @Max(3) Integer naming,
            @NotNull @Min(0) @Max(1) Integer commands,
            @NotNull @Min(0) @Max(1) Integer writing,
            @NotNull @Min(0) @Max(1) Integer attention) {
    }
}
