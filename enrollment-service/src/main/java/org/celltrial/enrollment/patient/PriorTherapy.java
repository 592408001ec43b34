package org.celltrial.enrollment.patient;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An ITP therapy given before screening. */
@Entity
@Table(name = "prior_therapy")
public class PriorTherapy {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TherapyCategory category;

    public String agent;

    @Column(name = "start_date")
    public LocalDate start;

    @Column(name = "end_date")
    public LocalDate end;

    /** How it ended; null when not recorded. */
    @Enumerated(EnumType.STRING)
    public TherapyOutcome outcome;
}
