package org.celltrial.enrollment.record;

import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.record.RecordVoiding;
import org.celltrial.common.record.VoidableRecord;
import org.celltrial.common.review.RecordReview;
import org.celltrial.enrollment.access.PatientAccess;
import org.celltrial.enrollment.patient.Patient;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Voids enrollment's records (administrations, therapies, deviations) inside the caller's transaction (a
 * {@code @WithTransaction} method), as {@code PatientRecords} does the other services': the patient locked and checked
 * for the caller's sites (404), the record checked to be the patient's (404) and not already void (409), If-Match
 * against its version (428 missing, 412 stale), then voided the one way every record is ({@link RecordVoiding}).
 */
@ApplicationScoped
public class EnrollmentRecords {

    @Inject
    RecordReview review;

    @Inject
    PatientAccess access;

    @Inject
    RecordVoiding voiding;

    /**
     * @param entityType the audit trail's name for the record, as when it was created
     * @param view what the audit row keeps of the record as it was
     * @param then runs in the same transaction after the record is voided (e.g. voiding what it brought about),
     *     or null
     */
    public <R extends VoidableRecord> Uni<Void> voidRecord(Class<R> kind, String entityType, UUID patientId,
            UUID recordId, String ifMatch, String reason, Function<R, ?> view, BiFunction<Patient, R, Uni<?>> then) {
        return access.visibleForUpdate(patientId).flatMap(patient -> Panache.getSession()
                .flatMap(session -> session.find(kind, recordId))
                .flatMap(found -> {
                    R record = VoidableRecord.checkVoidable(found, patientId, recordId, entityType, ifMatch);
                    return review.requireOpen(patient.siteCode, record)
                            .chain(() -> voiding.markVoid(record, entityType, view, reason))
                            .call(() -> then == null ? Uni.createFrom().voidItem() : then.apply(patient, record))
                            .replaceWithVoid();
                }));
    }
}
