package org.celltrial.efficacy.measurement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.common.record.PatientRecords;
import org.celltrial.common.security.Caller.Action;
import org.celltrial.common.enrollment.PatientGate;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A series of one kind of measurement and the summary an engine computes from it (autoantibodies, CAR-T
 * kinetics, B cells). A subclass says how a request becomes a measurement, how it is shown, and which engine
 * summarises the series.
 *
 * @param <M> the stored measurement
 * @param <R> the request that records one
 * @param <V> how one is shown
 * @param <S> the engine's summary
 */
public abstract class SeriesService<M extends Measurement, R, V, S> {

    @Inject
    MeasurementStore store;

    @Inject
    PatientRecords records;

    @Inject
    IdempotentCreates idempotent;

    @Inject
    PatientGate patients;

    private final Class<M> kind;
    private final Class<V> viewType;
    private final String path;

    protected SeriesService(Class<M> kind, Class<V> viewType, String path) {
        this.kind = kind;
        this.viewType = viewType;
        this.path = path;
    }

    protected abstract M measurement(R request);

    protected abstract V view(M measurement);

    /** The engine's summary of a series dated from Day 0. */
    public abstract S summary(List<M> series, LocalDate day0);

    /**
     * The patient's reference (with the caller's right to write there) first, with no connection held; then one
     * transaction: the patient's lock, the idempotent create with its audit row.
     */
    public Uni<Created<V>> record(UUID patientId, String idempotencyKey, R request) {
        return records.patientToWrite(patientId, Action.WRITE).flatMap(patient -> Panache.withTransaction(
                () -> records.lockPatient(patientId).chain(() -> idempotent.create(idempotencyKey, request, viewType,
                        () -> records.store(patient, measurement(request), path, this::view)))));
    }

    /** Voids a mistaken measurement under the patient's lock. */
    public Uni<Void> voidRecord(UUID patientId, UUID recordId, String ifMatch, String reason) {
        return records.patientToWrite(patientId, Action.WRITE).flatMap(patient -> Panache.withTransaction(
                () -> records.lockPatient(patientId).chain(() -> records.voidRecord(kind, patient, recordId, ifMatch,
                        reason, this::view))))
                .replaceWithVoid();
    }

    /** The series up to {@code asOf}, and its summary once the patient has a Day 0 (null before). */
    /** No session here: enrollment answers first, then the repository reads in its own session. */
    public Uni<Series<V, S>> series(UUID patientId, LocalDate asOf) {
        return patients.reference(patientId).flatMap(patient -> store.read(kind, patientId).map(all -> {
            List<M> rows = upTo(all, asOf);
            return Series.of(rows.stream().map(this::view).toList(),
                    patient.day0() == null ? null : summary(rows, patient.day0()));
        }));
    }

    public static <M extends Measurement> List<M> upTo(List<M> series, LocalDate asOf) {
        return series.stream().filter(m -> asOf == null || !m.measuredOn.isAfter(asOf)).toList();
    }
}
