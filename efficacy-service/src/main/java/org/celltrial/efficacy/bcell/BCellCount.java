package org.celltrial.efficacy.bcell;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One flow-cytometry count of CD19⁺ B cells in peripheral blood (docs/clinical-rules.md). */
public record BCellCount(LocalDate date, BigDecimal cd19PerUl) {

    public BCellCount {
        if (date == null) {
            throw new IllegalArgumentException("date is required");
        }
        if (cd19PerUl == null || cd19PerUl.signum() < 0) {
            throw new IllegalArgumentException("cd19PerUl on " + date + " must not be negative, was " + cd19PerUl);
        }
    }
}
