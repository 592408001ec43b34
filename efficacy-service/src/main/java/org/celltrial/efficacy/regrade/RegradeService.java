package org.celltrial.efficacy.regrade;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.record.PatientRecords;
import org.celltrial.common.security.Caller.Action;
import org.celltrial.common.protocol.PatientProtocols;
import org.celltrial.common.protocol.RegradeView;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies a protocol amendment to a patient's response (docs/clinical-rules.md, Protocol settings): from now on the
 * response is read under the protocol in force, and the move is audited with its reason. Responses are computed
 * when read, so nothing stored needs recomputing; until this is done the patient's response keeps the settings of
 * the version it was first read under.
 */
@ApplicationScoped
public class RegradeService {

    @Inject
    PatientGate patients;

    @Inject
    PatientRecords records;

    @Inject
    PatientProtocols protocols;

    /**
     * The protocol in force and the patient's reference (with the caller's right to write there) are read first, with
     * no connection held; then one transaction under the patient's lock moves the patient to that version, audited.
     */
    public Uni<RegradeView> regrade(UUID patientId, String reason) {
        return protocols.inForce().flatMap(protocol -> records.patientToWrite(patientId, Action.WRITE)
                .flatMap(patient -> Panache.withTransaction(() -> records.lockPatient(patientId)
                        .chain(() -> protocols.regradedUnder(patientId, protocol.version(), reason))
                        .map(from -> new RegradeView(patientId, from, protocol.version())))));
    }
}
