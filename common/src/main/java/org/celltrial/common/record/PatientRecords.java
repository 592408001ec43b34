package org.celltrial.common.record;

import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.batch.BatchResult;
import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.idempotency.Created;
import org.celltrial.common.persistence.IdArray;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.common.review.RecordReview;
import org.celltrial.common.security.Caller;
import org.celltrial.common.security.Caller.Action;
import org.hibernate.FlushMode;
import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The steps every write of a patient's data takes, as plain calls a service makes in order, in the service that owns
 * the write (docs/architecture.md, "Inside a service"):
 * <ol>
 * <li>{@link #patientToWrite}, before any database session opens: the patient as enrollment-service knows it (404
 * when it does not show the caller the patient, 503 when it cannot say; no connection held while it answers) and the
 * caller's right to act on it this way, from one role;</li>
 * <li>the service opens its transaction and takes {@link #lockPatient} first: one writer per patient;</li>
 * <li>{@link #store} a new record (stamped, flushed, its creation audited), or several ({@link #storeAll}),
 * inside the service's idempotent create;
 * or {@link #voidRecord} a mistaken one (checked, voided and audited the one way, {@link RecordVoiding}); either is
 * refused (423) when the record's date lies in a locked period, either invalidates the signatures that cover its
 * date, and a void clears the record's source verification ({@link RecordReview});</li>
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

    /** A patient of a batch: its reference if the caller may write there, else the refusal a single write meets. */
    public record PatientToWrite(UUID patientId, PatientReference patient, ProblemException refusal) {
    }

    /**
     * Step 1 of a batch's writes, before any session opens: each patient's reference, read in as few calls to
     * enrollment-service as its page size allows ({@link PatientGate#findAll}), with the refusal
     * {@link #patientToWrite} would give a single write of it (404 unknown or not shown to the caller, 403
     * read-only); 503 for the whole batch if enrollment-service cannot say.
     */
    public Uni<Map<UUID, PatientToWrite>> patientsToWrite(Collection<UUID> patientIds, Action action) {
        Caller caller = Caller.of(identity);
        return patients.findAll(patientIds).map(found -> patientIds.stream().distinct().collect(Collectors.toMap(
                Function.identity(), patientId -> {
                    PatientReference patient = found.get(patientId);
                    try {
                        if (patient == null) {
                            throw ProblemException.notFound("Patient " + patientId);
                        }
                        requireMay(caller, action, patient);
                        return new PatientToWrite(patientId, patient, null);
                    } catch (ProblemException refused) {
                        return new PatientToWrite(patientId, null, refused);
                    }
                })));
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
        return storeAll(patient, List.of(record), path, view).map(created -> created.get(0));
    }

    /**
     * Stores new records of one patient as {@link #store} stores one, with one round of checks for all of them (a
     * batch, docs/performance.md): the locked-period check at the earliest record's date (a lock covering any of
     * them covers that date), the records' and their audit rows' inserts sent together in one flush, and the
     * signatures covering the earliest date invalidated once ({@link RecordReview#created}).
     */
    public <R extends PatientRecord, V> Uni<List<Created<V>>> storeAll(PatientReference patient, List<R> records,
            String path, Function<R, V> view) {
        List<R> recorded = records.stream().map(record -> stamp(record, patient)).toList();
        return persisted(recorded, view)
                .call(() -> flushTogether(recorded))
                .call(() -> review.created(recorded))
                .map(shown -> IntStream.range(0, recorded.size()).mapToObj(index -> new Created<>(
                        URI.create("patients/" + patient.id() + "/" + path + "/" + recorded.get(index).id),
                        shown.get(index))).toList());
    }

    /**
     * Adds new records, already {@link #stamp stamped}, of one patient or many (a batch, docs/performance.md), with
     * one round of checks for all of them: the locked-period check at each site's earliest record, the records and
     * their audit rows persisted together, and the signatures covering each patient's earliest record invalidated in
     * one read ({@link RecordReview#created}). They are sent with the transaction's next flush.
     *
     * @return each record's view, in order
     */
    public <R extends PatientRecord, V> Uni<List<V>> add(List<R> stamped, Function<R, V> view) {
        return persisted(stamped, view).call(() -> review.created(stamped));
    }

    /** The locked-period check, then the records and their audit rows persisted (not flushed); their views. */
    private <R extends PatientRecord, V> Uni<List<V>> persisted(List<R> stamped, Function<R, V> view) {
        List<V> shown = stamped.stream().map(view).toList();
        return review.requireOpen(stamped)
                .chain(() -> Panache.getSession().chain(session -> session.persistAll(stamped.toArray())))
                .chain(() -> Multi.createFrom().range(0, stamped.size())
                        .onItem().transformToUniAndConcatenate(index -> audit.created(
                                PatientRecord.entityType(stamped.get(index).getClass()), stamped.get(index).id,
                                shown.get(index)))
                        .collect().last())
                .replaceWith(shown);
    }

    /**
     * One writer per patient: takes a PostgreSQL advisory lock on the patient, held until the caller's transaction
     * ends, so writes that regrade the patient (a record, a void, a regrade) run one after the other and each reads
     * what the one before committed (READ COMMITTED: every statement after the lock sees it). Call it first in the
     * transaction, before anything of the patient is read; taking it again in the same transaction is harmless.
     * Only writers take it: reads never wait.
     */
    public Uni<Void> lockPatient(UUID patientId) {
        return lockPatients(List.of(patientId));
    }

    /**
     * {@link #lockPatient} for many patients at once (a batch), in one statement, in the order of their IDs' text
     * (the ordered set is materialised before any lock is taken), so two batches sharing patients queue rather than
     * deadlock. Sent as a statement run for its effect, not as a query: Hibernate Reactive never finds again the plan
     * it keeps for a native query, and every write takes this lock ({@link IdArray} says more).
     */
    public Uni<Void> lockPatients(Collection<UUID> patientIds) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        WITH ordered AS MATERIALIZED
                            (SELECT DISTINCT id::text AS id FROM unnest(CAST(?1 AS uuid[])) AS id ORDER BY 1)
                        SELECT count(pg_advisory_xact_lock(hashtext('celltrial.patient'), hashtext(id)))
                        FROM ordered""")
                .setParameter(1, IdArray.of(patientIds))
                .executeUpdate())
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

    /**
     * Stores a batch inside the service's transaction (one for the batch), patient after patient in the order given
     * (ID order, so concurrent batches do not deadlock), answered with each line's record in line order, as
     * {@link #storeBatch(int, int, Supplier)} stores one; after each patient the session is flushed and cleared.
     *
     * @param storeOne stores one patient's lines (its lock first), answering the record each line became
     */
    public <P> Uni<BatchResult> storeBatch(int lines, List<P> patients,
            Function<P, Uni<List<BatchResult.StoredLine>>> storeOne) {
        return storeBatch(lines, patients.size(), () -> Multi.createFrom().iterable(patients)
                .onItem().transformToUniAndConcatenate(patient -> storeOne.apply(patient).call(this::doneWithPatient))
                .collect().asList()
                .map(stored -> stored.stream().flatMap(List::stream).toList()));
    }

    /**
     * Stores a batch inside the service's transaction (one for the batch), answered with each line's record in line
     * order. From here on the transaction's session flushes only when told ({@link #flushTogether}) or at commit, not
     * before each query as Hibernate does by default, which checked every entity the session held each time
     * (docs/performance.md, lab ingest); a batch's queries read other tables than the ones its pending changes touch
     * (locks, signatures, adverse events, grading state).
     *
     * @param storeAll stores every line (the patients' locks first), answering the record each line became
     */
    public Uni<BatchResult> storeBatch(int lines, int patients,
            Supplier<Uni<List<BatchResult.StoredLine>>> storeAll) {
        return Panache.getSession()
                .invoke(session -> session.setFlushMode(FlushMode.COMMIT))
                .chain(() -> storeAll.get())
                .map(stored -> new BatchResult(lines, patients, stored.stream()
                        .sorted(Comparator.comparingInt(BatchResult.StoredLine::line))
                        .toList()));
    }

    /**
     * In a batch's transaction, once a patient's writes and regrade are done: sends them and detaches everything the
     * session holds. Hibernate checks every entity it holds at each flush, so without this each patient of a batch
     * would cost more than the one before (docs/performance.md, lab ingest).
     */
    private Uni<Void> doneWithPatient() {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear));
    }

    /**
     * Flushed at once (the inserts in batches: {@code quarkus.hibernate-orm.jdbc.statement-batch-size}), so a record a
     * unique index refuses (a second sample that day) is a 409 that says so. A batch calls it once, after all its
     * patients ({@link #add}).
     */
    public Uni<Void> flushTogether(List<? extends PatientRecord> recorded) {
        String kind = recorded.get(0).getClass().getSimpleName().replace("Record", "");
        return Panache.getSession().chain(session -> session.flush())
                .onFailure(ConstraintViolationException.class).transform(e -> ProblemException.conflict(
                        "A " + kind + " for that time is already recorded; correct or void it instead"));
    }
}
