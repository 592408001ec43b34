package org.celltrial.enrollment.protocol;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.celltrial.enrollment.therapy.TreatmentCategory;

/**
 * The protocol's choices for the IWG response (docs/clinical-rules.md, ITP response; Rodeghiero F et al., Blood
 * 2009;113:2386-2393; Provan D et al., Blood Adv 2019;3:3780-3817). efficacy-service reads them by protocol version
 * and reports the version each response was computed under.
 *
 * @param confirmationStrictlyMore true: confirming counts more than {@code confirmationDays} apart (2019 consensus);
 *                                 false: at least that far (the 2009 footnote)
 * @param acceptUnassessedBleeding whether a count without a bleeding assessment may confirm a response
 * @param exposureWindows          the therapy categories whose counts cannot support a response, whatever kind the
 *                                 therapy was recorded as, with how long and what opens the window
 */
public record EfficacyResponse(
        @NotNull @DecimalMin("1") BigDecimal completeResponsePer1e9L,
        @NotNull @DecimalMin("1") BigDecimal responsePer1e9L,
        @NotNull @DecimalMin("1") BigDecimal responseBaselineMultiple,
        @NotNull @Min(0) @Max(90) Integer confirmationDays,
        @NotNull Boolean confirmationStrictlyMore,
        @NotNull @Min(0) @Max(90) Integer lossDays,
        @NotNull @Min(1) @Max(4) Integer bleedingWhoGradeThreshold,
        @NotNull Boolean acceptUnassessedBleeding,
        @NotNull Map<@NotNull TreatmentCategory, @NotNull @Valid ExposureWindow> exposureWindows) {

    /** How long counts after a therapy of a category cannot support a response, and what opens the window. */
    public record ExposureWindow(@NotNull @Min(0) @Max(365) Integer windowDays, @NotNull ExposureTrigger trigger) {
    }

    /** What opens an exposure window. */
    public enum ExposureTrigger {
        /** Any administration. */
        ANY_DOSE,
        /** A dose above the patient's stable dose of that category before Day 0 (corticosteroids). */
        ABOVE_BASELINE_DOSE,
        /** Started after Day 0, or increased above the dose before it (TPO receptor agonists). */
        STARTED_OR_INCREASED_AFTER_DAY0
    }
}
