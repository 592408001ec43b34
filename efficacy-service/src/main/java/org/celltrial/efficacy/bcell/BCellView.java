package org.celltrial.efficacy.bcell;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record BCellView(UUID id, LocalDate date, BigDecimal cd19PerUl, int version) {

    static BCellView of(BCellRecord count) {
        return new BCellView(count.id, count.measuredOn, count.cd19PerUl, count.version);
    }
}
