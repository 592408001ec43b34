package org.celltrial.efficacy.response;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one platelet count means for the IWG response (Rodeghiero F et al., Blood 2009;113:2386-2393; Provan D et
 * al., Blood Adv 2019;3:3780-3817; docs/clinical-rules.md, ITP response): it supports a response (CR or R), fails
 * it (NR), cannot support it without failing it, or is not considered at all. Exactly one of {@code status},
 * {@code exclusion} and {@code cannotSupport} is set.
 *
 * @param studyDay        days since Day 0 (the CAR-T infusion)
 * @param status          CR or R when the count supports that response; NR when it fails the response (below the
 *                        level, or bleeding), even within an exposure window; null otherwise
 * @param exclusion       why the count is not considered at all (on or before Day 0, on or after a subsequent
 *                        therapy's start); null for a considered count
 * @param cannotSupport   why a considered count that meets the response level by its value cannot support a response,
 *                        although it does not fail it ("within the IVIG exposure window (to 2025-04-12): cannot
 *                        support a response", "bleeding not assessed: cannot support a response"); null otherwise
 * @param exposureWindows the exposure windows the count is within ("IVIG exposure window (to 2025-04-12)"), also
 *                        for a failing count; empty when none or when the count is excluded
 * @param explanation     the comparisons behind the status ("90 < 100, ≥ 30, ≥ 2 × baseline 8 = 16; no bleeding, WHO
 *                        grade 0 < 2: R"), and why it cannot support a response, or the exclusion
 */
public record CountAssessment(LocalDate date, int studyDay, BigDecimal valuePer1e9L, Integer bleedingWhoGrade,
        ResponseStatus status, String exclusion, String cannotSupport, List<String> exposureWindows,
        String explanation) {

    public CountAssessment {
        if (date == null || valuePer1e9L == null) {
            throw new IllegalArgumentException("date and valuePer1e9L are required");
        }
        if ((status != null ? 1 : 0) + (exclusion != null ? 1 : 0) + (cannotSupport != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException("a count on " + date + " has one of a status, an exclusion or a "
                    + "reason it cannot support a response, had " + status + ", " + exclusion + " and "
                    + cannotSupport);
        }
        if (status == ResponseStatus.NE) {
            throw new IllegalArgumentException("a single count is CR, R or NR; NE is for a course without any");
        }
        if (exposureWindows == null || exposureWindows.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("exposureWindows must be a list without nulls");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("explanation of the count on " + date + " is required");
        }
        exposureWindows = List.copyOf(exposureWindows);
    }

    /** Whether the count decides anything about the response: it supports it (CR, R) or fails it (NR). */
    public boolean evaluable() {
        return status != null;
    }

    /** Whether the count is considered at all: after Day 0 and not censored. */
    public boolean considered() {
        return exclusion == null;
    }

    /** Whether the count can count towards or confirm a response: CR or R. */
    public boolean supportsResponse() {
        return status == ResponseStatus.CR || status == ResponseStatus.R;
    }
}
