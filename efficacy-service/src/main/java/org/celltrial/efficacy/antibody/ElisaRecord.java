package org.celltrial.efficacy.antibody;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.celltrial.efficacy.measurement.Measurement;

/** A platelet glycoprotein autoantibody ELISA result against one target. */
@Entity(name = "ElisaRecord")
@Table(name = "elisa_result")
public class ElisaRecord extends Measurement {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GpTarget target;

    @Column(name = "optical_density", nullable = false)
    public BigDecimal opticalDensity;

    @Column(nullable = false)
    public BigDecimal cutoff;
}
