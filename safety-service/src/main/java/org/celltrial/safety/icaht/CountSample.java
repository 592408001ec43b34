package org.celltrial.safety.icaht;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One blood count (neutrophils or platelets) on a date, in ×10⁹/L. */
public record CountSample(LocalDate date, BigDecimal valuePer1e9L) {

    public CountSample {
        if (date == null) {
            throw new IllegalArgumentException("date is required");
        }
        if (valuePer1e9L == null || valuePer1e9L.signum() < 0) {
            throw new IllegalArgumentException("valuePer1e9L must not be negative, was " + valuePer1e9L);
        }
    }
}
