package org.celltrial.safety.grading;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.protocol.PatientProtocols;
import org.celltrial.common.record.PatientRecords;

import io.smallrye.mutiny.Uni;

/** The safety grading settings of the protocol version a patient is graded under ({@link PatientProtocols}). */
@ApplicationScoped
public class PatientGradingSettings {

    @Inject
    PatientProtocols protocols;

    @Inject
    PatientRecords records;

    /** Before any session opens: the settings the patient is graded under (enrollment is asked, no connection held). */
    public Uni<GradingSettings> of(UUID patientId) {
        return protocols.of(patientId).map(GradingSettings::of);
    }

    /** {@link #of} for many patients (a batch): their versions in one query, each version's protocol asked once. */
    public Uni<Map<UUID, GradingSettings>> of(Collection<UUID> patientIds) {
        return protocols.ofAll(patientIds).map(byPatient -> byPatient.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, protocol -> GradingSettings.of(protocol.getValue()))));
    }

    /**
     * First in a grading write's transaction: the patient's lock (one writer per patient), then the settings read
     * before the transaction, unless a concurrent regrade moved the patient meanwhile.
     */
    public Uni<GradingSettings> lockAndConfirm(UUID patientId, GradingSettings before) {
        return records.lockPatient(patientId).chain(() -> confirm(patientId, before));
    }

    /** {@link #lockAndConfirm} for many patients (a batch): their locks in one statement, versions in one read. */
    public Uni<Map<UUID, GradingSettings>> lockAndConfirm(Map<UUID, GradingSettings> before) {
        return records.lockPatients(before.keySet())
                .chain(() -> protocols.movedFrom(before.entrySet().stream().collect(Collectors.toMap(
                        Map.Entry::getKey, settings -> settings.getValue().protocolVersion()))))
                .map(moved -> before.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        settings -> moved.get(settings.getKey()).map(GradingSettings::of)
                                .orElse(settings.getValue()))));
    }

    private Uni<GradingSettings> confirm(UUID patientId, GradingSettings before) {
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

    /** {@link #gradedUnder} for many patients, each under its settings. */
    public Uni<Void> gradedUnder(Map<UUID, GradingSettings> settings) {
        return protocols.gradedUnder(settings.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                under -> under.getValue().protocolVersion())));
    }

    /** Moves the patient to these settings' protocol version after a regrade, audited; the version before or null. */
    public Uni<Integer> regradedUnder(UUID patientId, GradingSettings settings, String reason) {
        return protocols.regradedUnder(patientId, settings.protocolVersion(), reason);
    }
}
