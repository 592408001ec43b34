package org.celltrial.efficacy.response;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one platelet count means for the IWG response (Rodeghiero F et al., Blood 2009;113:2386-2393): its status,
 * or why it does not count.
 *
 * @param studyDay    days since Day 0 (the CAR-T infusion)
 * @param status      CR, R or NR; null when the count is not evaluable
 * @param exclusion   null for an evaluable count, else why it does not count (on or before Day 0, within a rescue
 *                    window, on or after a subsequent therapy's start)
 * @param explanation the comparisons behind the status ("90 < 100, ≥ 30, ≥ 2 × baseline 8 = 16; no bleeding, WHO
 *                    grade 0 < 2: R"), or the exclusion
 */
public record CountAssessment(LocalDate date, int studyDay, BigDecimal valuePer1e9L, Integer bleedingWhoGrade,
        ResponseStatus status, String exclusion, String explanation) {

    public CountAssessment {
        if (date == null || valuePer1e9L == null) {
            throw new IllegalArgumentException("date and valuePer1e9L are required");
        }
        if ((status == null) == (exclusion == null)) {
            throw new IllegalArgumentException("a count on " + date + " has either a status or an exclusion, had "
                    + status + " and " + exclusion);
        }
        if (status == ResponseStatus.NE) {
            throw new IllegalArgumentException("a single count is CR, R or NR; NE is for a course without any");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("explanation of the count on " + date + " is required");
        }
    }

    public boolean evaluable() {
        return status != null;
    }
}
