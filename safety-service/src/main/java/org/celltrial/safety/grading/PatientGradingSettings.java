package org.celltrial.safety.grading;

import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.protocol.PatientProtocols;
import org.celltrial.common.record.PatientRecords;
import org.celltrial.common.security.Caller.Action;

import io.smallrye.mutiny.Uni;

/** The safety grading settings of the protocol version a patient is graded under ({@link PatientProtocols}). */
@ApplicationScoped
public class PatientGradingSettings {

    @Inject
    PatientProtocols protocols;

    @Inject
    PatientRecords records;

    /**
     * A write that grades the patient ({@link PatientRecords#write}): its reference, then the settings it is graded
     * under, are read before the transaction opens, so no connection is held while enrollment-service answers; in
     * the transaction, after the patient's lock, the settings are confirmed ({@link #confirm}).
     */
    public <T> Uni<T> write(UUID patientId, Action action, BiFunction<PatientReference, GradingSettings, Uni<T>> work) {
        return records.write(patientId, action, patient -> of(patientId), (patient, before) -> confirm(patientId,
                before).flatMap(under -> work.apply(patient, under)));
    }

    /** Before any session opens: the settings the patient is graded under (enrollment is asked, no connection held). */
    public Uni<GradingSettings> of(UUID patientId) {
        return protocols.of(patientId).map(GradingSettings::of);
    }

    /** In a write's transaction, after the patient's lock: the settings read before, unless a regrade moved it. */
    public Uni<GradingSettings> confirm(UUID patientId, GradingSettings before) {
        return protocols.movedFrom(patientId, before.protocolVersion())
                .map(moved -> moved.map(GradingSettings::of).orElse(before));
    }

    /** The settings of the protocol in force, for regrading under an amendment. */
    public Uni<GradingSettings> inForce() {
        return protocols.inForce().map(GradingSettings::of);
    }

    /** Records that the patient's stored grades are now those of these settings' protocol version. */
    public Uni<Void> gradedUnder(UUID patientId, GradingSettings settings) {
        return protocols.gradedUnder(patientId, settings.protocolVersion());
    }

    /** Moves the patient to these settings' protocol version after a regrade, audited; the version before or null. */
    public Uni<Integer> regradedUnder(UUID patientId, GradingSettings settings, String reason) {
        return protocols.regradedUnder(patientId, settings.protocolVersion(), reason);
    }
}
