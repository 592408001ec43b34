package org.celltrial.efficacy.kinetics;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.celltrial.efficacy.measurement.Measurement;

/** CAR transgene copies per µg genomic DNA (qPCR). */
@Entity(name = "QpcrRecord")
@Table(name = "qpcr_sample")
public class QpcrRecord extends Measurement {

    @Column(name = "copies_per_ug_dna", nullable = false)
    public BigDecimal copiesPerUgDna;
}
