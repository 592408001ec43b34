package org.celltrial.safety.icans;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record NeuroView(UUID id, Instant at, IceScore ice, Integer iceTotal, ScoreStatus iceStatus,
        Integer capdScore, ScoreStatus capdStatus, Consciousness consciousness, Seizure seizure,
        MotorWeakness motorWeakness, CerebralEdema cerebralEdema, int version) {

    static NeuroView of(NeuroRecord record) {
        IceScore ice = record.ice();
        return new NeuroView(record.id, record.at, ice, ice == null ? null : ice.total(), record.iceStatus,
                record.capdScore, record.capdStatus, record.consciousness, record.seizure, record.motorWeakness,
                record.cerebralEdema, record.version);
    }
}
