package org.celltrial.enrollment.protocol;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The protocol's choices for grading safety (docs/clinical-rules.md, Protocol settings). safety-service reads them
 * by protocol version and stamps that version on every grade it stores, so an amendment never regrades silently.
 *
 * @param episodeResolutionWindowHours how long without a grade ≥ 1 ends a CRS or ICANS episode (ASTCT; default 24)
 * @param capdMaxAgeYears              ICANS is scored with CAPD up to this age inclusive, with ICE above (default 12)
 * @param ctcaeVersion                 the CTCAE version lab results are graded by: "5.0" or "6.0"
 * @param labBaselineAnchor            the day a lab baseline is taken on or before
 * @param labBaselineLookBackDays      how many days before the anchor a result may still be the baseline
 */
public record SafetyGrading(
        @NotNull @Min(1) @Max(168) Integer episodeResolutionWindowHours,
        @NotNull @Min(0) @Max(18) Integer capdMaxAgeYears,
        @NotNull @Pattern(regexp = "5\\.0|6\\.0", message = "must be a CTCAE version CellTrial grades by: 5.0 or 6.0")
        String ctcaeVersion,
        @NotNull LabBaselineAnchor labBaselineAnchor,
        @NotNull @Min(0) @Max(90) Integer labBaselineLookBackDays) {

    /** Where a lab baseline is anchored. */
    public enum LabBaselineAnchor {
        /** The first lymphodepletion day given, or Day 0 when lymphodepletion was omitted. */
        FIRST_LYMPHODEPLETION_DAY,
        /** The infusion date. */
        DAY_0
    }
}
