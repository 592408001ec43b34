package org.celltrial.enrollment.deviation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record DeviationView(UUID id, DeviationCategory category, String description, LocalDate occurredOn,
        Instant recordedAt, String recordedBy, int version) {

    static DeviationView of(ProtocolDeviation deviation) {
        return new DeviationView(deviation.id, deviation.category, deviation.description, deviation.occurredOn,
                deviation.createdAt, deviation.createdBy, deviation.version);
    }
}
