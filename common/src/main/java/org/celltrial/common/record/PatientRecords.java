package org.celltrial.common.record;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.common.security.Caller;
import org.celltrial.common.security.Caller.Action;
import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Records any {@link PatientRecord} the same way: the patient checked with enrollment-service before any database
 * session opens (404 when it does not show the caller the patient, 503 when it cannot say, and no connection held
 * while it answers), the caller's right to write there taken from one role ({@link #write}), then one transaction
 * with one writer per patient ({@link #lockPatient}), an idempotent create and an audit row.
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
    RecordVoiding voiding;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    /**
     * A write to a patient's data. First, with no database session open, the patient's reference from
     * enrollment-service; then whether the caller may act this way at the patient's site, from only the roles that
     * grant the action ({@link Caller#may}): an investigator who is also safety officer reads every site, but its
     * clinical records ({@link Action#WRITE}) only at its own. Then one transaction that first takes the patient's
     * lock and runs {@code work}. Call it outside any session: {@code work} must not call another service.
     *
     * @param action {@link Action#WRITE} for records only investigators and data managers enter (vitals, labs,
     *        neurological assessments, efficacy measurements and their voids); {@link Action#READ} for the writes
     *        open to every clinical reader of the endpoint (an adverse event's report, a safety officer's regrade)
     */
    public <T> Uni<T> write(UUID patientId, Action action, Function<PatientReference, Uni<T>> work) {
        return write(patientId, action, patient -> Uni.createFrom().voidItem(), (patient, nothing) -> work.apply(patient));
    }

    /**
     * {@link #write} with one more step before the transaction, after the reference and the site check: what else the
     * write needs from another service (the protocol the patient is graded under, say), handed to {@code work}.
     */
    public <P, T> Uni<T> write(UUID patientId, Action action, Function<PatientReference, Uni<P>> before,
            BiFunction<PatientReference, P, Uni<T>> work) {
        return patients.reference(patientId)
                .invoke(patient -> requireMay(Caller.of(identity), action, patient))
                .flatMap(patient -> before.apply(patient).flatMap(fetched -> Panache.withTransaction(
                        () -> lockPatient(patientId).chain(() -> work.apply(patient, fetched)))));
    }

    /**
     * The site check of a write: a patient the caller may not even read is a 404 (its existence does not leak), one
     * it reads but may not act on this way is a 403.
     */
    public static void requireMay(Caller caller, Action action, PatientReference patient) {
        if (caller.may(action, patient.siteCode())) {
            return;
        }
        if (!caller.maySeeSite(patient.siteCode())) {
            throw ProblemException.notFound("Patient " + patient.id());
        }
        throw new ProblemException(ProblemType.FORBIDDEN,
                "Your roles let you read but not write this patient's records at site " + patient.siteCode());
    }

    /**
     * Creates a record in a {@link #write}: fetches the patient, checks the caller's site for the action, and
     * stores the record in one transaction.
     */
    public <R extends PatientRecord, V> Uni<Created<V>> record(UUID patientId, Action action, String idempotencyKey,
            Object request, String path, Class<V> viewType, Function<PatientReference, R> record, Function<R, V> view,
            BiFunction<PatientReference, R, Uni<?>> then) {
        return write(patientId, action, patient -> record(patient, idempotencyKey, request, path, viewType, record,
                view, then));
    }

    /**
     * Stores a record inside a {@link #write}'s transaction (the patient's lock is held).
     *
     * @param path the collection, e.g. {@code platelet-counts}, for the Location of what is created
     * @param record makes the record from the request and the patient's reference data
     * @param then runs in the same transaction after the record is stored (e.g. regrading), or null
     */
    public <R extends PatientRecord, V> Uni<Created<V>> record(PatientReference patient, String idempotencyKey,
            Object request, String path, Class<V> viewType, Function<PatientReference, R> record, Function<R, V> view,
            BiFunction<PatientReference, R, Uni<?>> then) {
        UUID patientId = patient.id();
        return idempotent.create(idempotencyKey, request, viewType, () -> {
            R recorded = stamp(record.apply(patient), patient);
            V shown = view.apply(recorded);
            return persist(recorded)
                    .call(() -> audit.created(PatientRecord.entityType(recorded.getClass()), recorded.id, shown))
                    .call(() -> then == null ? Uni.createFrom().voidItem() : then.apply(patient, recorded))
                    .replaceWith(new Created<>(URI.create("patients/" + patientId + "/" + path + "/"
                            + recorded.id), shown));
        });
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
    public <R extends PatientRecord, V> Uni<Created<V>> record(UUID patientId, Action action, String idempotencyKey,
            Object request, String path, Class<V> viewType, Supplier<R> record, Function<R, V> view) {
        return record(patientId, action, idempotencyKey, request, path, viewType, patient -> record.get(), view, null);
    }

    /**
     * Voids a mistaken record with a reason (it stays, marked void, and the audit trail keeps who and why); If-Match
     * must carry the version read. Then runs {@code then} in the same transaction (e.g. regrading without it). Opens
     * its own {@link #write}.
     */
    public <R extends PatientRecord> Uni<Void> voidRecord(Class<R> kind, UUID patientId, Action action,
            UUID recordId, String ifMatch, String reason, Function<R, ?> view,
            BiFunction<PatientReference, R, Uni<?>> then) {
        return write(patientId, action, patient -> voidRecord(kind, patient, recordId, ifMatch, reason, view, then));
    }

    /** {@link #voidRecord} inside a {@link #write}'s transaction (the patient's lock is held). */
    public <R extends PatientRecord> Uni<Void> voidRecord(Class<R> kind, PatientReference patient, UUID recordId,
            String ifMatch, String reason, Function<R, ?> view, BiFunction<PatientReference, R, Uni<?>> then) {
        UUID patientId = patient.id();
        return Panache.getSession().flatMap(session -> session.find(kind, recordId))
                .map(found -> VoidableRecord.checkVoidable(found, patientId, recordId, "Record", ifMatch))
                .flatMap(record -> voiding.markVoid(record, PatientRecord.entityType(kind), view, reason))
                .call(record -> then == null ? Uni.createFrom().voidItem() : then.apply(patient, record))
                .replaceWithVoid();
    }

    /** Flushed at once, so a record a unique index refuses (a second sample that day) is a 409 that says so. */
    private Uni<Void> persist(PatientRecord record) {
        return Panache.getSession().flatMap(session -> session.persist(record).call(session::flush))
                .onFailure(ConstraintViolationException.class).transform(e -> ProblemException.conflict(
                        "A " + record.getClass().getSimpleName().replace("Record", "")
                                + " for that time is already recorded; correct or void it instead"));
    }
}
