package org.celltrial.enrollment.deviation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.celltrial.common.record.VoidableRecord;

/** A breach of the protocol, reported by an investigator or recorded when a rule is breached. */
@Entity
@Table(name = "protocol_deviation")
public class ProtocolDeviation extends VoidableRecord {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeviationCategory category;

    @Column(nullable = false)
    public String description;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    /** The lymphodepletion omission that recorded this deviation, so voiding the omission voids it too. */
    @Column(name = "administration_id")
    public UUID administrationId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Override
    public LocalDate dataDate(ZoneId studyZone) {
        return occurredOn;
    }
}
