package org.celltrial.efficacy.measurement;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.enrollment.PatientGate;

import io.smallrye.mutiny.Uni;

/** Reads measurements of any kind for a caller, scoped by the site stored with the data. */
@ApplicationScoped
public class MeasurementStore {

    @Inject
    PatientGate patients;

    @Inject
    MeasurementRepository measurements;

    /** A patient's measurements of one kind, for a caller who may see them. */
    public <M extends Measurement> Uni<List<M>> read(Class<M> kind, UUID patientId) {
        return measurements.ofPatient(kind, patientId).call(found -> patients.readable(patientId, found));
    }
}
