package org.celltrial.enrollment.therapy;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.common.paging.Page;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.enrollment.access.PatientAccess;
import org.celltrial.enrollment.record.EnrollmentRecords;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TherapyService {

    @Inject
    PatientAccess access;

    @Inject
    TherapyRepository therapies;

    @Inject
    EnrollmentRecords records;

    @Inject
    IdempotentCreates idempotent;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<Created<TherapyView>> record(UUID patientId, String idempotencyKey, TherapyRequest request) {
        if (request.end() != null && request.end().isBefore(request.start())) {
            throw ProblemException.invalid("end", "must not be before start");
        }
        if ((request.doseValue() == null) != (request.doseUnit() == null)) {
            throw ProblemException.invalid(request.doseUnit() == null ? "doseUnit" : "doseValue",
                    "a dose needs both its value and its unit");
        }
        return access.visibleForUpdate(patientId, request.start()).flatMap(patient -> idempotent.create(idempotencyKey, request,
                TherapyView.class, () -> {
                    Therapy therapy = new Therapy();
                    therapy.id = UUID.randomUUID();
                    therapy.patientId = patientId;
                    therapy.kind = request.kind();
                    therapy.agent = request.agent();
                    therapy.category = request.category();
                    therapy.doseValue = request.doseValue();
                    therapy.doseUnit = request.doseUnit();
                    therapy.start = request.start();
                    therapy.end = request.end();
                    therapy.indication = request.indication();
                    therapy.createdAt = clock.instant();
                    return therapies.persist(therapy).call(therapies::flush).map(TherapyView::of)
                            .call(view -> audit.created("Therapy", view.id(), view))
                            .map(view -> new Created<>(URI.create("patients/" + patientId + "/therapies/" + view.id()),
                                    view));
                }));
    }

    /** Voids a mistaken therapy with a reason (it stays, marked void); If-Match must carry its version. */
    @WithTransaction
    public Uni<Void> voidTherapy(UUID patientId, UUID therapyId, String ifMatch, String reason) {
        return records.voidRecord(Therapy.class, "Therapy", patientId, therapyId, ifMatch, reason, TherapyView::of,
                null);
    }

    @WithSession
    public Uni<Page<TherapyView>> list(UUID patientId, Integer limit, String cursor) {
        return visible(patientId).map(rows -> Page.slice(rows, limit, cursor,
                therapy -> therapy.start + "|" + therapy.id, TherapyView::of));
    }

    /** Every one of the patient's therapies, in {@link #list}'s order (for the patient's course). */
    @WithSession
    public Uni<List<TherapyView>> all(UUID patientId) {
        return visible(patientId).map(rows -> rows.stream().map(TherapyView::of).toList());
    }

    private Uni<List<Therapy>> visible(UUID patientId) {
        return access.visible(patientId).flatMap(patient -> therapies.ofPatient(patientId));
    }
}
