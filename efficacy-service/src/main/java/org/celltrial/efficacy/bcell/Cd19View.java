package org.celltrial.efficacy.bcell;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record Cd19View(UUID id, LocalDate date, BigDecimal cd19PerUl, int version) {

    static Cd19View of(Cd19Record count) {
        return new Cd19View(count.id, count.measuredOn, count.cd19PerUl, count.version);
    }
}
