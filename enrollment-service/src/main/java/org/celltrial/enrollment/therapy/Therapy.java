package org.celltrial.enrollment.therapy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.celltrial.common.record.VoidableRecord;

/** A concomitant, rescue or subsequent therapy. Never deleted: a mistaken entry is voided with a reason. */
@Entity
@Table(name = "therapy")
public class Therapy extends VoidableRecord {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TherapyKind kind;

    @Column(nullable = false)
    public String agent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TreatmentCategory category;

    @Column(name = "dose_value")
    public BigDecimal doseValue;

    @Column(name = "dose_unit")
    public String doseUnit;

    @Column(name = "start_date", nullable = false)
    public LocalDate start;

    @Column(name = "end_date")
    public LocalDate end;

    public String indication;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Override
    public LocalDate dataDate(ZoneId studyZone) {
        return start;
    }
}
