package org.celltrial.efficacy.antibody;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record ElisaView(UUID id, LocalDate date, GpTarget target, BigDecimal opticalDensity, BigDecimal cutoff,
        int version) {

    static ElisaView of(ElisaRecord result) {
        return new ElisaView(result.id, result.measuredOn, result.target, result.opticalDensity, result.cutoff,
                result.version);
    }
}
