package org.celltrial.efficacy.antibody;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record AutoantibodyView(UUID id, LocalDate date, GpTarget target, BigDecimal opticalDensity, BigDecimal cutoff,
        int version) {

    static AutoantibodyView of(AutoantibodyRecord result) {
        return new AutoantibodyView(result.id, result.measuredOn, result.target, result.opticalDensity, result.cutoff,
                result.version);
    }
}
