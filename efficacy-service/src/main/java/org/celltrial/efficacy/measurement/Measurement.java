package org.celltrial.efficacy.measurement;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.celltrial.common.record.PatientRecord;

/** An efficacy measurement: a patient record with the date it was measured. */
@MappedSuperclass
public abstract class Measurement extends PatientRecord {

    @Column(name = "measured_on", nullable = false)
    public LocalDate measuredOn;

    @Override
    public LocalDate dataDate(ZoneId studyZone) {
        return measuredOn;
    }
}
