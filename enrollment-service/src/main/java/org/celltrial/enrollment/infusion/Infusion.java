package org.celltrial.enrollment.infusion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one CAR-T infusion of a patient: Day 0, the dose targeted and the dose given. */
@Entity
@Table(name = "infusion")
public class Infusion {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "infused_on", nullable = false)
    public LocalDate infusedOn;

    @Column(name = "weight_kg", nullable = false)
    public BigDecimal weightKg;

    @Column(name = "dose_level", nullable = false)
    public String doseLevel;

    @Column(name = "cells_per_kg", nullable = false)
    public BigDecimal cellsPerKg;

    @Column(name = "target_cells", nullable = false)
    public BigDecimal targetCells;

    @Column(name = "total_cells_infused", nullable = false)
    public BigDecimal totalCellsInfused;

    @Column(name = "deviation_percent", nullable = false)
    public BigDecimal deviationPercent;

    @Column(name = "within_tolerance", nullable = false)
    public boolean withinTolerance;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
