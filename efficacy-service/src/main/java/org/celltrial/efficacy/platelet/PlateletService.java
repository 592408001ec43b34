package org.celltrial.efficacy.platelet;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.idempotency.Created;
import org.celltrial.common.paging.Page;
import org.celltrial.common.protocol.PatientProtocols;
import org.celltrial.common.record.PatientRecords;
import org.celltrial.common.validation.Decimals;
import org.celltrial.efficacy.measurement.MeasurementStore;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PlateletService {

    @Inject
    MeasurementStore store;

    @Inject
    PatientRecords records;

    @Inject
    PatientProtocols protocols;

    @WithTransaction
    public Uni<Created<PlateletCountView>> record(UUID patientId, String idempotencyKey,
            PlateletCountRequest request) {
        return records.record(patientId, idempotencyKey, request, "platelet-counts", PlateletCountView.class,
                patient -> {
                    PlateletCountRecord count = new PlateletCountRecord();
                    count.measuredOn = request.date();
                    count.valuePer1e9L = Decimals.tenths(request.valuePer1e9L());
                    count.bleeding = request.bleeding();
                    count.source = request.source();
                    return count;
                }, PlateletCountView::of, (patient, recorded) -> pinProtocol(patientId));
    }

    /** The first count fixes the protocol version the response is read under, until a regrade moves it. */
    private Uni<Void> pinProtocol(UUID patientId) {
        return protocols.of(patientId).flatMap(protocol -> protocols.gradedUnder(patientId, protocol.version()));
    }

    @WithTransaction
    public Uni<Void> voidRecord(UUID patientId, UUID recordId, String ifMatch, String reason) {
        return records.voidRecord(PlateletCountRecord.class, patientId, recordId, ifMatch, reason, null);
    }

    @WithSession
    public Uni<Page<PlateletCountView>> list(UUID patientId, Integer limit, String cursor) {
        return store.read(PlateletCountRecord.class, patientId).map(counts -> Page.slice(counts, limit, cursor,
                count -> count.measuredOn + "|" + Page.key(count.createdAt) + "|" + count.id, PlateletCountView::of));
    }
}
