package org.celltrial.common.record;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditAction;
import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.common.problem.ProblemException;
import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Records any {@link PatientRecord} the same way: one writer per patient ({@link #lockPatient}), the patient
 * checked with enrollment-service before anything is written (404 when it does not show the caller the patient,
 * 503 when it cannot say), an idempotent create, and an audit row, all in the caller's transaction.
 */
@ApplicationScoped
public class PatientRecords {

    @Inject
    PatientGate patients;

    @Inject
    IdempotentCreates idempotent;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    /**
     * @param path the collection, e.g. {@code platelet-counts}, for the Location of what is created
     * @param record makes the record from the request and the patient's reference data
     * @param then runs in the same transaction after the record is stored (e.g. regrading), or null
     */
    public <R extends PatientRecord, V> Uni<Created<V>> record(UUID patientId, String idempotencyKey, Object request,
            String path, Class<V> viewType, Function<PatientReference, R> record, Function<R, V> view,
            BiFunction<PatientReference, R, Uni<?>> then) {
        return lockPatient(patientId).chain(() -> patients.reference(patientId)).flatMap(patient -> idempotent
                .create(idempotencyKey, request, viewType, () -> {
                    R recorded = stamp(record.apply(patient), patient);
                    V shown = view.apply(recorded);
                    return persist(recorded)
                            .call(() -> audit.created(recorded.getClass().getSimpleName(), recorded.id, shown))
                            .call(() -> then == null ? Uni.createFrom().voidItem() : then.apply(patient, recorded))
                            .replaceWith(new Created<>(URI.create("patients/" + patientId + "/" + path + "/"
                                    + recorded.id), shown));
                }));
    }

    /**
     * One writer per patient: takes a PostgreSQL advisory lock on the patient, held until the caller's transaction
     * ends, so writes that regrade the patient (a record, a void, a regrade) run one after the other and each reads
     * what the one before committed (READ COMMITTED: every statement after the lock sees it). Call it first in the
     * transaction, before anything of the patient is read; taking it again in the same transaction is harmless.
     * Only writers take it: reads never wait.
     */
    public Uni<Void> lockPatient(UUID patientId) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('celltrial.patient'), hashtext(?1))",
                        Integer.class)
                .setParameter(1, patientId.toString())
                .getSingleResult())
                .replaceWithVoid();
    }

    /** Fills in what every record has: a new id, the patient with its site and subject ID, who and when. */
    public <R extends PatientRecord> R stamp(R record, PatientReference patient) {
        record.id = UUID.randomUUID();
        record.patientId = patient.id();
        record.siteCode = patient.siteCode();
        record.subjectId = patient.subjectId();
        record.createdAt = clock.instant();
        record.createdBy = identity.getPrincipal().getName();
        return record;
    }

    /** Shorthand for a record that needs nothing of the reference data and triggers nothing. */
    public <R extends PatientRecord, V> Uni<Created<V>> record(UUID patientId, String idempotencyKey, Object request,
            String path, Class<V> viewType, Supplier<R> record, Function<R, V> view) {
        return record(patientId, idempotencyKey, request, path, viewType, patient -> record.get(), view, null);
    }

    /**
     * Voids a mistaken record with a reason (it stays, marked void, and the audit trail keeps who and why); If-Match
     * must carry the version read. Then runs {@code then} in the same transaction (e.g. regrading without it).
     */
    public <R extends PatientRecord> Uni<Void> voidRecord(Class<R> kind, UUID patientId, UUID recordId, String ifMatch,
            String reason, BiFunction<PatientReference, R, Uni<?>> then) {
        return lockPatient(patientId).chain(() -> patients.reference(patientId)).flatMap(patient -> Panache
                .getSession().flatMap(session -> session.find(kind, recordId))
                .flatMap(found -> {
                    R record = VoidableRecord.checkVoidable(found, patientId, recordId, "Record", ifMatch);
                    record.markVoid(reason);
                    return Panache.getSession().flatMap(session -> session.flush())
                            .call(() -> audit.record(AuditAction.VOID, kind.getSimpleName(), recordId, null, null,
                                    reason))
                            .call(() -> then == null ? Uni.createFrom().voidItem() : then.apply(patient, record));
                })).replaceWithVoid();
    }

    /** Flushed at once, so a record a unique index refuses (a second sample that day) is a 409 that says so. */
    private Uni<Void> persist(PatientRecord record) {
        return Panache.getSession().flatMap(session -> session.persist(record).call(session::flush))
                .onFailure(ConstraintViolationException.class).transform(e -> ProblemException.conflict(
                        "A " + record.getClass().getSimpleName().replace("Record", "")
                                + " for that time is already recorded; correct or void it instead"));
    }
}
