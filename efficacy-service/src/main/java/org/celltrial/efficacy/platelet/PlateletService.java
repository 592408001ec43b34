package org.celltrial.efficacy.platelet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.batch.BatchReader;
import org.celltrial.common.batch.BatchResult;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.common.paging.Page;
import org.celltrial.common.problem.Problem.Violation;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.protocol.PatientProtocols;
import org.celltrial.common.enrollment.ProtocolReference;
import org.celltrial.common.record.PatientRecords;
import org.celltrial.common.security.Caller.Action;
import org.celltrial.common.validation.Decimals;
import org.celltrial.efficacy.measurement.MeasurementStore;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PlateletService {

    @Inject
    MeasurementStore store;

    @Inject
    PatientRecords records;

    @Inject
    IdempotentCreates idempotent;

    @Inject
    PatientProtocols protocols;

    /**
     * The patient's reference (with the caller's right to write there) and the protocol it is read under come first,
     * with no connection held; then one transaction: the patient's lock, the idempotent create with its audit row,
     * the protocol version pinned.
     */
    public Uni<Created<PlateletCountView>> record(UUID patientId, String idempotencyKey,
            PlateletCountRequest request) {
        return records.patientToWrite(patientId, Action.WRITE).flatMap(patient -> protocols.of(patientId)
                .flatMap(before -> Panache.withTransaction(() -> records.lockPatient(patientId)
                        .chain(() -> idempotent.create(idempotencyKey, request, PlateletCountView.class,
                                () -> records.store(patient, count(request), "platelet-counts", PlateletCountView::of)
                                        .call(() -> pinProtocol(patientId, before)))))));
    }

    /**
     * Stores a batch of counts (read by common's {@link BatchReader}, each line valid as a single count), as
     * {@link #record} stores one, in one transaction. First, with no connection held, the patients' references in
     * one bulk read from enrollment-service, checked as {@link PatientRecords#patientToWrite} checks one: a line of a
     * patient enrollment does not show the caller, or whose site the caller may not write, is named in a 400 problem
     * and nothing is stored; then each patient's protocol ({@link #record} reads it the same way). Then one
     * transaction, patient after patient in ID order (so concurrent batches do not deadlock): the patient's lock, its
     * counts stored with their audit rows together ({@link PatientRecords#storeAll}), and the protocol version pinned
     * once for the patient. The IWG response is read
     * from the stored counts when asked for, so nothing else is recomputed.
     */
    public Uni<BatchResult> recordBatch(List<BatchReader.Row<PlateletCountRequest>> rows) {
        Map<UUID, List<BatchReader.Row<PlateletCountRequest>>> byPatient = rows.stream()
                .collect(Collectors.groupingBy(BatchReader.Row::patientId, TreeMap::new, Collectors.toList()));
        return records.patientsToWrite(byPatient.keySet(), Action.WRITE)
                .invoke(writable -> requireEveryPatientWritable(byPatient, writable))
                .flatMap(writable -> Multi.createFrom().iterable(byPatient.entrySet())
                        .onItem().transformToUniAndConcatenate(rowsOf -> protocols.of(rowsOf.getKey())
                                .map(before -> new BatchPatient(writable.get(rowsOf.getKey()).patient(),
                                        rowsOf.getValue(), before)))
                        .collect().asList())
                .flatMap(prepared -> Panache.withTransaction(
                        () -> records.storeBatch(rows.size(), prepared, this::storeBatchOf)));
    }

    /** One patient's lines of a batch, with the patient's reference and the protocol it is read under. */
    private record BatchPatient(PatientReference patient, List<BatchReader.Row<PlateletCountRequest>> rows,
            ProtocolReference before) {
    }

    /** {@link PatientRecords#patientToWrite}'s check, for every patient of the batch, each bad line named. */
    private static void requireEveryPatientWritable(Map<UUID, List<BatchReader.Row<PlateletCountRequest>>> byPatient,
            Map<UUID, PatientRecords.PatientToWrite> writable) {
        List<Violation> problems = new ArrayList<>();
        byPatient.forEach((patientId, rowsOf) -> {
            ProblemException refusal = writable.get(patientId).refusal();
            if (refusal != null) {
                problems.addAll(BatchReader.refusedLines(rowsOf, refusal));
            }
        });
        BatchReader.refuseIfAny(problems);
    }

    private Uni<List<BatchResult.StoredLine>> storeBatchOf(BatchPatient batch) {
        UUID patientId = batch.patient().id();
        List<PlateletCountRecord> counts = batch.rows().stream().map(row -> count(row.request())).toList();
        return records.lockPatient(patientId)
                .chain(() -> records.storeAll(batch.patient(), counts, "platelet-counts", PlateletCountView::of))
                .call(() -> pinProtocol(patientId, batch.before()))
                .map(created -> BatchResult.StoredLine.of(batch.rows(),
                        counts.stream().map(count -> count.id).toList()));
    }

    private static PlateletCountRecord count(PlateletCountRequest request) {
        PlateletCountRecord count = new PlateletCountRecord();
        count.measuredOn = request.date();
        count.valuePer1e9L = Decimals.tenths(request.valuePer1e9L());
        count.bleeding = request.bleeding();
        count.source = request.source();
        return count;
    }

    /**
     * The first count fixes the protocol version the response is read under, until a regrade moves it; a patient a
     * regrade moved meanwhile keeps the version it was moved to.
     */
    private Uni<Void> pinProtocol(UUID patientId, ProtocolReference before) {
        return protocols.movedFrom(patientId, before.version()).flatMap(moved -> protocols.gradedUnder(patientId,
                moved.orElse(before).version()));
    }

    /** Voids a mistaken count, under the patient's lock; the response is read without it. */
    public Uni<Void> voidRecord(UUID patientId, UUID recordId, String ifMatch, String reason) {
        return records.patientToWrite(patientId, Action.WRITE).flatMap(patient -> Panache.withTransaction(
                () -> records.lockPatient(patientId).chain(() -> records.voidRecord(PlateletCountRecord.class, patient,
                        recordId, ifMatch, reason, PlateletCountView::of))))
                .replaceWithVoid();
    }

    /** No session here: the repository's closes before enrollment is asked (when nothing is stored). */
    public Uni<Page<PlateletCountView>> list(UUID patientId, Integer limit, String cursor) {
        return store.read(PlateletCountRecord.class, patientId).map(counts -> Page.slice(counts, limit, cursor,
                count -> count.measuredOn + "|" + Page.key(count.createdAt) + "|" + count.id, PlateletCountView::of));
    }

    /** Every one of the patient's counts, in {@link #list}'s order (for the patient's course). */
    public Uni<List<PlateletCountView>> all(UUID patientId) {
        return store.read(PlateletCountRecord.class, patientId)
                .map(counts -> counts.stream().map(PlateletCountView::of).toList());
    }
}
