package org.celltrial.safety.crs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.celltrial.common.record.PatientRecord;

/** Vital signs as observed at the bedside: what CRS is graded from. */
@Entity
@Table(name = "vitals")
public class VitalsRecord extends PatientRecord {

    @Column(name = "observed_at", nullable = false)
    public Instant at;

    @Column(name = "temperature_c", nullable = false)
    public BigDecimal temperatureC;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Hypotension hypotension;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OxygenSupport oxygen;

    @Column(name = "oxygen_lpm")
    public BigDecimal oxygenLpm;

    @Column(name = "antipyretic_or_anti_cytokine", nullable = false)
    public boolean antipyreticOrAntiCytokine;

    @Enumerated(EnumType.STRING)
    @Column(name = "attributed_to_other_cause")
    public OtherCause attributedToOtherCause;

    @Column(name = "other_cause")
    public String otherCause;

    @Override
    public LocalDate dataDate(ZoneId studyZone) {
        return LocalDate.ofInstant(at, studyZone);
    }
}
