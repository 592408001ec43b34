package org.celltrial.efficacy.kinetics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record QpcrView(UUID id, LocalDate date, BigDecimal copiesPerUgDna, int version) {

    static QpcrView of(QpcrRecord sample) {
        return new QpcrView(sample.id, sample.measuredOn, sample.copiesPerUgDna, sample.version);
    }
}
