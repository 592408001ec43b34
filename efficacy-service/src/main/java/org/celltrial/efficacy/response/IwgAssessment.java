package org.celltrial.efficacy.response;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A patient's IWG response to the CAR-T and, reported separately, after a subsequent therapy (CellTrial
 * docs/clinical-rules.md, ITP response; Rodeghiero F et al., Blood 2009;113:2386-2393).
 *
 * @param carT                   the CAR-T response, censored at the first subsequent therapy
 * @param censoredAt             that therapy's start, or null when there was none
 * @param afterSubsequentTherapy the response from that therapy's start on; null when there was none
 */
public record IwgAssessment(BigDecimal baselinePer1e9L, LocalDate day0, ResponseCourse carT, LocalDate censoredAt,
        ResponseCourse afterSubsequentTherapy) {

    public IwgAssessment {
        if (baselinePer1e9L == null || day0 == null || carT == null) {
            throw new IllegalArgumentException("baselinePer1e9L, day0 and carT are required");
        }
        if ((censoredAt == null) != (afterSubsequentTherapy == null)) {
            throw new IllegalArgumentException(
                    "a censoring date goes with a course after the subsequent therapy, and only with one");
        }
    }
}
