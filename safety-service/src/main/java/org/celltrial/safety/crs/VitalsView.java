package org.celltrial.safety.crs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record VitalsView(UUID id, Instant at, BigDecimal temperatureC, Hypotension hypotension, OxygenSupport oxygen,
        BigDecimal oxygenLpm, boolean antipyreticOrAntiCytokine, OtherCause attributedToOtherCause, String otherCause,
        int version) {

    static VitalsView of(VitalsRecord vitals) {
        return new VitalsView(vitals.id, vitals.at, vitals.temperatureC, vitals.hypotension, vitals.oxygen,
                vitals.oxygenLpm, vitals.antipyreticOrAntiCytokine, vitals.attributedToOtherCause,
                vitals.otherCause, vitals.version);
    }
}
