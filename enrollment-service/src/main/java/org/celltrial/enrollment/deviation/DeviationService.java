package org.celltrial.enrollment.deviation;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.common.paging.Page;
import org.celltrial.common.record.RecordVoiding;
import org.celltrial.enrollment.access.PatientAccess;
import org.celltrial.enrollment.record.EnrollmentRecords;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Protocol deviations: recorded by investigators, and by the other capabilities when a rule is breached. A
 * mistaken one is voided with a reason; a LYMPHODEPLETION_OMITTED deviation is voided with its omission.
 */
@ApplicationScoped
public class DeviationService {

    private static final String ENTITY = "ProtocolDeviation";

    @Inject
    DeviationRepository deviations;

    @Inject
    PatientAccess access;

    @Inject
    EnrollmentRecords records;

    @Inject
    RecordVoiding voiding;

    @Inject
    IdempotentCreates idempotent;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<Created<DeviationView>> report(UUID patientId, String idempotencyKey, DeviationRequest request) {
        return access.visibleForUpdate(patientId, request.occurredOn()).flatMap(patient -> idempotent.create(idempotencyKey, request,
                DeviationView.class, () -> record(patientId, request.category(), request.description(),
                        request.occurredOn())
                        .map(view -> new Created<>(URI.create("patients/" + patientId + "/deviations/" + view.id()),
                                view))));
    }

    /** Records a deviation inside the caller's transaction, with its audit row. */
    public Uni<DeviationView> record(UUID patientId, DeviationCategory category, String description,
            LocalDate occurredOn) {
        return record(patientId, category, description, occurredOn, null);
    }

    /** Records, inside the caller's transaction, the deviation that omitting lymphodepletion is. */
    public Uni<DeviationView> recordOmission(UUID patientId, UUID administrationId, String description,
            LocalDate occurredOn) {
        return record(patientId, DeviationCategory.LYMPHODEPLETION_OMITTED, description, occurredOn,
                administrationId);
    }

    /**
     * Voids a mistaken deviation with a reason (it stays, marked void); If-Match must carry its version. A
     * LYMPHODEPLETION_OMITTED deviation voided on its own leaves the omission recorded (a deviation may be
     * withdrawn without changing what was done; voiding the omission is what undoes both).
     */
    @WithTransaction
    public Uni<Void> voidDeviation(UUID patientId, UUID deviationId, String ifMatch, String reason) {
        return records.voidRecord(ProtocolDeviation.class, ENTITY, patientId, deviationId, ifMatch, reason,
                DeviationView::of, null);
    }

    /** Voids, inside the caller's transaction, the deviation a voided omission recorded (if still in force). */
    public Uni<Void> voidRecordedByOmission(UUID patientId, UUID administrationId, String reason) {
        return deviations.recordedByOmission(patientId, administrationId).flatMap(deviation -> deviation == null
                ? Uni.createFrom().voidItem()
                : voiding.markVoid(deviation, ENTITY, DeviationView::of, reason).replaceWithVoid());
    }

    private Uni<DeviationView> record(UUID patientId, DeviationCategory category, String description,
            LocalDate occurredOn, UUID administrationId) {
        ProtocolDeviation deviation = new ProtocolDeviation();
        deviation.id = UUID.randomUUID();
        deviation.patientId = patientId;
        deviation.category = category;
        deviation.description = description;
        deviation.occurredOn = occurredOn;
        deviation.administrationId = administrationId;
        deviation.createdAt = clock.instant();
        deviation.createdBy = identity.getPrincipal().getName();
        return deviations.persist(deviation).map(DeviationView::of)
                .call(view -> audit.created(ENTITY, view.id(), view));
    }

    @WithSession
    public Uni<Page<DeviationView>> list(UUID patientId, Integer limit, String cursor) {
        return visible(patientId)
                .map(rows -> Page.slice(rows, limit, cursor, DeviationService::sortKey, DeviationView::of));
    }

    /** Every one of the patient's deviations, in {@link #list}'s order (for the patient's course). */
    @WithSession
    public Uni<List<DeviationView>> all(UUID patientId) {
        return visible(patientId).map(rows -> rows.stream().map(DeviationView::of).toList());
    }

    private Uni<List<ProtocolDeviation>> visible(UUID patientId) {
        return access.visible(patientId).flatMap(patient -> deviations.ofPatient(patientId));
    }

    private static String sortKey(ProtocolDeviation deviation) {
        return deviation.occurredOn + "|" + Page.key(deviation.createdAt) + "|" + deviation.id;
    }
}
