package org.celltrial.efficacy.measurement;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.efficacy.patient.PatientGate;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Records and reads measurements the same way for every kind: the patient checked with enrollment-service
 * before anything is written, an idempotent create, an audit row in the same transaction; reads scoped by
 * the site stored with the data.
 */
@ApplicationScoped
public class MeasurementStore {

    @Inject
    PatientGate patients;

    @Inject
    MeasurementRepository measurements;

    @Inject
    IdempotentCreates idempotent;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    /** Call inside the service's transaction. {@code path} is the collection, e.g. {@code platelet-counts}. */
    public <M extends Measurement, V> Uni<Created<V>> record(UUID patientId, String idempotencyKey, Object request,
            String path, Class<V> viewType, Supplier<M> measurement, Function<M, V> view) {
        return patients.reference(patientId).flatMap(patient -> idempotent.create(idempotencyKey, request, viewType,
                () -> {
                    M recorded = measurement.get();
                    recorded.id = UUID.randomUUID();
                    recorded.patientId = patientId;
                    recorded.siteCode = patient.siteCode();
                    recorded.subjectId = patient.subjectId();
                    recorded.createdAt = clock.instant();
                    recorded.createdBy = identity.getPrincipal().getName();
                    V shown = view.apply(recorded);
                    return measurements.persist(recorded)
                            .call(() -> audit.created(recorded.getClass().getSimpleName(), recorded.id, shown))
                            .replaceWith(new Created<>(URI.create("patients/" + patientId + "/" + path + "/"
                                    + recorded.id), shown));
                }));
    }

    /** A patient's measurements of one kind, for a caller who may see them. */
    public <M extends Measurement> Uni<List<M>> read(Class<M> kind, UUID patientId) {
        return measurements.ofPatient(kind, patientId).call(found -> patients.readable(patientId,
                found.isEmpty() ? null : found.get(0).siteCode));
    }
}
