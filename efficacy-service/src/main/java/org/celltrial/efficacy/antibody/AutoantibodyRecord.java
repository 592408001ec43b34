package org.celltrial.efficacy.antibody;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.celltrial.efficacy.measurement.Measurement;

/** A platelet glycoprotein autoantibody ELISA result against one target. */
// The entity name the audit trail and the queries have used since V2_0, kept when the class was renamed.
@Entity(name = "ElisaRecord")
@Table(name = "elisa_result")
public class AutoantibodyRecord extends Measurement {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GpTarget target;

    @Column(name = "optical_density", nullable = false)
    public BigDecimal opticalDensity;

    @Column(nullable = false)
    public BigDecimal cutoff;
}
