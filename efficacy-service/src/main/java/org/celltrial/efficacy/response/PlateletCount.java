package org.celltrial.efficacy.response;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One platelet count with the bleeding assessed at the same visit: an IWG response needs both the count and the
 * absence of bleeding (Rodeghiero F et al., Blood 2009;113:2386-2393; docs/clinical-rules.md, ITP response).
 *
 * @param valuePer1e9L     platelets ×10⁹/L
 * @param bleedingWhoGrade WHO bleeding grade 0–4; null when not assessed, which counts as no bleeding known
 */
public record PlateletCount(LocalDate date, BigDecimal valuePer1e9L, Integer bleedingWhoGrade) {

    public PlateletCount {
        if (date == null) {
            throw new IllegalArgumentException("date is required");
        }
        if (valuePer1e9L == null || valuePer1e9L.signum() < 0) {
            throw new IllegalArgumentException("valuePer1e9L on " + date + " must not be negative, was " + valuePer1e9L);
        }
        if (bleedingWhoGrade != null && (bleedingWhoGrade < 0 || bleedingWhoGrade > 4)) {
            throw new IllegalArgumentException(
                    "bleedingWhoGrade on " + date + " must be 0–4 or not assessed, was " + bleedingWhoGrade);
        }
    }
}
