package org.celltrial.efficacy.bcell;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.celltrial.efficacy.measurement.Measurement;

/** CD19⁺ B cells per µL by flow cytometry. */
@Entity(name = "Cd19Record")
@Table(name = "cd19_count")
public class Cd19Record extends Measurement {

    @Column(name = "cd19_per_ul", nullable = false)
    public BigDecimal cd19PerUl;
}
