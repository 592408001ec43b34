package org.celltrial.efficacy.kinetics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record KineticsView(UUID id, LocalDate date, BigDecimal copiesPerUgDna, int version) {

    static KineticsView of(KineticsRecord sample) {
        return new KineticsView(sample.id, sample.measuredOn, sample.copiesPerUgDna, sample.version);
    }
}
