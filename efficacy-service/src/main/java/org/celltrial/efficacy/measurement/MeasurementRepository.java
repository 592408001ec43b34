package org.celltrial.efficacy.measurement;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.common.persistence.IdArray;
import org.celltrial.common.record.PatientRecord;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads any kind of measurement; each kind is an entity extending {@link Measurement}. */
@ApplicationScoped
@WithSession
public class MeasurementRepository {

    /** A patient's measurements of one kind that are not voided, oldest first. */
    public <M extends Measurement> Uni<List<M>> ofPatient(Class<M> kind, UUID patientId) {
        return Panache.getSession().flatMap(session -> session
                .createSelectionQuery("from " + PatientRecord.entityType(kind)
                        + " where patientId = :patient and voided = false order by measuredOn, createdAt", kind)
                .setParameter("patient", patientId)
                .getResultList());
    }

    /**
     * {@link #ofPatient} for many patients in one query, by patient (a patient with none is left out), so that a
     * report reads a page of patients in one round trip, not one a patient.
     */
    public <M extends Measurement> Uni<Map<UUID, List<M>>> ofPatients(Class<M> kind, Collection<UUID> patientIds) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT * FROM " + PatientRecord.tableOf(kind) + " WHERE patient_id = any(:patients)"
                        + " AND NOT voided ORDER BY patient_id, measured_on, created_at", kind)
                .setParameter("patients", IdArray.of(patientIds))
                .getResultList())
                .map(all -> all.stream().collect(Collectors.groupingBy(measurement -> measurement.patientId,
                        LinkedHashMap::new, Collectors.toList())));
    }
}
