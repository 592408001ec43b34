package org.celltrial.common.record;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.idempotency.Created;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.common.review.RecordReview;
import org.celltrial.common.security.Caller;
import org.celltrial.common.security.Caller.Action;
import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The steps every write of a patient's data takes, as plain calls a service makes in order, in the service that owns
 * the write (docs/architecture.md, "Inside a service"):
 * <ol>
 * <li>{@link #patientToWrite}, before any database session opens: the patient as enrollment-service knows it (404
 * when it does not show the caller the patient, 503 when it cannot say; no connection held while it answers) and the
 * caller's right to act on it this way, from one role;</li>
 * <li>the service opens its transaction and takes {@link #lockPatient} first: one writer per patient;</li>
 * <li>{@link #store} a new record (stamped, flushed, its creation audited), inside the service's idempotent create;
 * or {@link #voidRecord} a mistaken one (checked, voided and audited the one way, {@link RecordVoiding}); either is
 * refused (423) when the record's date lies in a locked period, and either clears the record's source verification
 * and invalidates the signatures that cover its date ({@link RecordReview});</li>
 * <li>the service regrades what the write changes, in the same transaction.</li>
 * </ol>
 */
@ApplicationScoped
public class PatientRecords {

    @Inject
    PatientGate patients;

    @Inject
    AuditTrail audit;

    @Inject
    RecordVoiding voiding;

    @Inject
    RecordReview review;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    /**
     * Step 1 of a write, before any session opens: the patient's reference from enrollment-service, and whether the
     * caller may act this way at the patient's site, from only the roles that grant the action ({@link Caller#may}):
     * an investigator who is also safety officer reads every site, but its clinical records ({@link Action#WRITE})
     * only at its own.
     *
     * @param action {@link Action#WRITE} for records only investigators and data managers enter (vitals, labs,
     *        neurological assessments, efficacy measurements and their voids); {@link Action#READ} for the writes
     *        open to every clinical reader of the endpoint (an adverse event's report, a safety officer's regrade)
     */
    public Uni<PatientReference> patientToWrite(UUID patientId, Action action) {
        return patients.reference(patientId).invoke(patient -> requireMay(Caller.of(identity), action, patient));
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
     * Stores a new record of the patient inside the write's transaction (the patient's lock held): stamped with the
     * patient, site, subject ID, who and when, flushed (a unique index's refusal is a 409 that says so) and its
     * creation audited with the view the client is answered.
     *
     * @param path the collection, e.g. {@code platelet-counts}, for the Location of what is created
     */
    public <R extends PatientRecord, V> Uni<Created<V>> store(PatientReference patient, R record, String path,
            Function<R, V> view) {
        R recorded = stamp(record, patient);
        V shown = view.apply(recorded);
        return review.requireOpen(recorded)
                .chain(() -> persist(recorded))
                .call(() -> audit.created(PatientRecord.entityType(recorded.getClass()), recorded.id, shown))
                .call(() -> review.changed(recorded))
                .replaceWith(new Created<>(URI.create("patients/" + patient.id() + "/" + path + "/" + recorded.id),
                        shown));
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

    /**
     * Voids a mistaken record of the patient inside the write's transaction (the patient's lock held): it must be the
     * patient's (404) and not void already (409), and If-Match must carry its version (428 missing, 412 stale); it
     * stays, marked void, and the audit trail keeps it as it was and as it is, who and why.
     */
    public <R extends PatientRecord> Uni<R> voidRecord(Class<R> kind, PatientReference patient, UUID recordId,
            String ifMatch, String reason, Function<R, ?> view) {
        return Panache.getSession().flatMap(session -> session.find(kind, recordId))
                .map(found -> VoidableRecord.checkVoidable(found, patient.id(), recordId, "Record", ifMatch))
                .call(review::requireOpen)
                .flatMap(record -> voiding.markVoid(record, PatientRecord.entityType(kind), view, reason))
                .call(review::changed);
    }

    /** Flushed at once, so a record a unique index refuses (a second sample that day) is a 409 that says so. */
    private Uni<Void> persist(PatientRecord record) {
        return Panache.getSession().flatMap(session -> session.persist(record).call(session::flush))
                .onFailure(ConstraintViolationException.class).transform(e -> ProblemException.conflict(
                        "A " + record.getClass().getSimpleName().replace("Record", "")
                                + " for that time is already recorded; correct or void it instead"));
    }
}
