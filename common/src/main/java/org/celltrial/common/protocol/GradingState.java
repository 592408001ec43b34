package org.celltrial.common.protocol;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The protocol version a patient is graded under in this service: its stored grades and computed views come from
 * that version's settings (docs/clinical-rules.md, Protocol settings).
 */
@Entity
@Table(name = "grading_state")
public class GradingState {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "protocol_version", nullable = false)
    public int protocolVersion;

    @Column(name = "graded_at", nullable = false)
    public Instant gradedAt;
}
