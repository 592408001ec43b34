package org.celltrial.efficacy.bcell;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.celltrial.efficacy.measurement.Measurement;

/** CD19⁺ B cells per µL by flow cytometry. */
// The entity name the audit trail and the queries have used since V2_0, kept when the class was renamed.
@Entity(name = "Cd19Record")
@Table(name = "cd19_count")
public class BCellRecord extends Measurement {

    @Column(name = "cd19_per_ul", nullable = false)
    public BigDecimal cd19PerUl;
}
