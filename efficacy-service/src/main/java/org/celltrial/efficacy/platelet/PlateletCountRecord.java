package org.celltrial.efficacy.platelet;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.celltrial.efficacy.measurement.Measurement;

/** A platelet count with the WHO bleeding grade assessed with it. */
@Entity(name = "PlateletCountRecord")
@Table(name = "platelet_count")
public class PlateletCountRecord extends Measurement {

    @Column(name = "value_per1e9l", nullable = false)
    public BigDecimal valuePer1e9L;

    @Column(name = "bleeding_who_grade")
    public Integer bleeding;

    public String source;
}
