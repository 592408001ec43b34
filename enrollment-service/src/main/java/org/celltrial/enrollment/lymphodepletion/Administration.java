package org.celltrial.enrollment.lymphodepletion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.celltrial.common.record.VoidableRecord;

/** A lymphodepleting dose as given, or the record that lymphodepletion was omitted and why. */
@Entity
@Table(name = "lymphodepletion_administration")
public class Administration extends VoidableRecord {

    public String agent;

    @Column(name = "given_on")
    public LocalDate givenOn;

    @Column(name = "dose_mg")
    public BigDecimal doseMg;

    @Column(nullable = false)
    public boolean omitted;

    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The day it was given; an omission recorded without a date, the day it was recorded. */
    @Override
    public LocalDate dataDate(ZoneId studyZone) {
        return givenOn != null ? givenOn : LocalDate.ofInstant(createdAt, studyZone);
    }
}
