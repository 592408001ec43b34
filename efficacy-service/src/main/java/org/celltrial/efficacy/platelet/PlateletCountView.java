package org.celltrial.efficacy.platelet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlateletCountView(UUID id, LocalDate date, BigDecimal valuePer1e9L, Integer bleeding, String source,
        int version) {

    static PlateletCountView of(PlateletCountRecord count) {
        return new PlateletCountView(count.id, count.measuredOn, count.valuePer1e9L, count.bleeding, count.source,
                count.version);
    }
}
