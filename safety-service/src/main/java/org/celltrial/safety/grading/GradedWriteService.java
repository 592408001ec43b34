package org.celltrial.safety.grading;

import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.record.PatientRecord;
import org.celltrial.common.record.PatientRecords;
import org.celltrial.common.security.Caller.Action;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one shape of a write to a graded series (vital signs, neurological assessments, labs): enrollment-service answers
 * first (the patient, the caller's right to write there, the protocol the patient is graded under), with no
 * connection held; then one transaction: the patient's lock (one writer per patient), the protocol confirmed, the
 * write, the patient's series regraded under that protocol and the patient pinned to its version.
 */
@ApplicationScoped
public class GradedWriteService {

    /** How a series regrades a patient under these settings and brings its adverse events in step. */
    @FunctionalInterface
    public interface Regrade {
        Uni<Void> of(PatientReference patient, GradingSettings under);
    }

    @Inject
    PatientRecords records;

    @Inject
    PatientGradingSettings settings;

    /** The write, in the transaction after the patient's lock, with the settings the patient is graded under. */
    public <T> Uni<T> write(UUID patientId, BiFunction<PatientReference, GradingSettings, Uni<T>> write) {
        return records.patientToWrite(patientId, Action.WRITE).flatMap(patient -> settings.of(patientId)
                .flatMap(before -> Panache.withTransaction(() -> settings.lockAndConfirm(patientId, before)
                        .flatMap(under -> write.apply(patient, under)))));
    }

    /** In a {@link #write}: the series regraded under these settings, and the patient now graded under them. */
    public Uni<Void> regradeAndPin(PatientReference patient, GradingSettings under, Regrade regrade) {
        return regrade.of(patient, under).call(() -> settings.gradedUnder(patient.id(), under));
    }

    /** Voids a mistaken record (If-Match, a reason, audited); the series is regraded without it. */
    public <R extends PatientRecord> Uni<Void> voidRecord(UUID patientId, Class<R> kind, UUID recordId, String ifMatch,
            String reason, Function<R, ?> view, Regrade regrade) {
        return write(patientId, (patient, under) -> records.voidRecord(kind, patient, recordId, ifMatch, reason, view)
                .chain(() -> regradeAndPin(patient, under, regrade)));
    }
}
