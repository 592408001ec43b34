package org.celltrial.efficacy.platelet;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.common.paging.Page;
import org.celltrial.common.protocol.PatientProtocols;
import org.celltrial.common.enrollment.ProtocolReference;
import org.celltrial.common.record.PatientRecords;
import org.celltrial.common.security.Caller.Action;
import org.celltrial.common.validation.Decimals;
import org.celltrial.efficacy.measurement.MeasurementStore;

import io.quarkus.hibernate.reactive.panache.Panache;
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
}
