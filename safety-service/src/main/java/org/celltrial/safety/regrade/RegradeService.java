package org.celltrial.safety.regrade;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.record.PatientRecords;
import org.celltrial.common.security.Caller.Action;
import org.celltrial.common.protocol.RegradeView;
import org.celltrial.safety.crs.CrsService;
import org.celltrial.safety.ctcae.LabService;
import org.celltrial.safety.grading.PatientGradingSettings;
import org.celltrial.safety.icans.IcansService;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies a protocol amendment to a patient's stored safety grades (docs/clinical-rules.md, Protocol settings):
 * CRS, ICANS and every lab result are regraded under the protocol in force, their adverse events kept in step, and
 * the move from one protocol version to the other is audited with its reason. Nothing else moves a patient to a
 * later version, so an amendment never regrades history silently.
 */
@ApplicationScoped
public class RegradeService {

    @Inject
    PatientGate patients;

    @Inject
    PatientRecords records;

    @Inject
    PatientGradingSettings settings;

    @Inject
    CrsService crs;

    @Inject
    IcansService icans;

    @Inject
    LabService labs;

    /**
     * The protocol in force and the patient's reference (with the caller's right to regrade it) are read first, with
     * no connection held; then one transaction under the patient's lock regrades everything and moves the patient to
     * that protocol version.
     */
    public Uni<RegradeView> regrade(UUID patientId, String reason) {
        return settings.inForce().flatMap(under -> records.patientToWrite(patientId, Action.READ)
                .flatMap(patient -> Panache.withTransaction(() -> records.lockPatient(patientId)
                        .chain(() -> crs.regrade(patient, under))
                        .call(() -> icans.regrade(patient, under))
                        .call(() -> labs.regrade(patient, under))
                        .flatMap(ignored -> settings.regradedUnder(patientId, under, reason))
                        .map(from -> new RegradeView(patientId, from, under.protocolVersion())))));
    }
}
