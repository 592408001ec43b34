package org.celltrial.efficacy.kinetics;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.celltrial.efficacy.measurement.Measurement;

/** CAR transgene copies per µg genomic DNA (qPCR). */
// The entity name the audit trail and the queries have used since V2_0, kept when the class was renamed.
@Entity(name = "QpcrRecord")
@Table(name = "qpcr_sample")
public class KineticsRecord extends Measurement {

    @Column(name = "copies_per_ug_dna", nullable = false)
    public BigDecimal copiesPerUgDna;
}
