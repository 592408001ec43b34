package org.celltrial.efficacy.response;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.enrollment.ProtocolReference;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.protocol.PatientProtocols;

import io.smallrye.mutiny.Uni;

/**
 * Reads a patient's IWG response from the platelet counts and enrollment's reference data, under the settings of the
 * protocol version the patient is read under (docs/clinical-rules.md, ITP response and Protocol settings).
 */
@ApplicationScoped
public class ResponseService {

    /** docs/clinical-rules.md, ITP response: rescue-free at the cut-off means no rescue in the 28 days up to it. */
    static final int RESCUE_FREE_DAYS = 28;

    private final IwgResponseEvaluator evaluator = new IwgResponseEvaluator();
    private final RescueIndependence rescueIndependence = new RescueIndependence();

    @Inject
    PatientGate patients;

    @Inject
    PlateletCountRepository counts;

    @Inject
    PatientProtocols protocols;

    @Inject
    Clock clock;

    /** No session here: enrollment answers first, then the repositories read in their own sessions. */
    public Uni<ResponseView> response(UUID patientId, LocalDate asOf) {
        return patients.reference(patientId).flatMap(patient -> {
            if (patient.day0() == null) {
                throw ProblemException.conflict(patient.subjectId()
                        + " has not been infused: the response is read from Day 0 on");
            }
            return assess(patient, asOf).map(read -> ResponseView.of(patientId, patient.subjectId(), asOf, read));
        });
    }

    /** Reads what the response needs (the patient's protocol, then its counts), each in its own short session. */
    private Uni<PatientResponse> assess(PatientReference patient, LocalDate asOf) {
        return protocols.of(patient.id()).flatMap(protocol -> counts.ofPatient(patient.id())
                .map(read -> assess(patient, protocol, read, asOf)));
    }

    /**
     * The response of an infused patient at a cut-off (null: today) from what was read: its protocol and its platelet
     * counts that are not voided, oldest first. The same for one patient as for each row of the summary.
     */
    public PatientResponse assess(PatientReference patient, ProtocolReference protocol,
            List<PlateletCount> counts, LocalDate asOf) {
        List<TherapyExposure> therapies = exposures(patient);
        LocalDate cutOff = asOf != null ? asOf : LocalDate.now(clock);
        return new PatientResponse(protocol.version(), evaluator.evaluate(
                patient.baselinePlateletCountPer1e9L(), patient.day0(), counts, therapies, settings(protocol), asOf),
                cutOff.isBefore(patient.day0()) ? null
                        : rescueIndependence.assess(patient.day0(), therapies, cutOff, RESCUE_FREE_DAYS));
    }

    private static IwgSettings settings(ProtocolReference protocol) {
        try {
            return IwgSettings.of(protocol);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("protocol version " + protocol.version() + " does not read: "
                    + e.getMessage(), e);
        }
    }

    /** Every therapy, whatever kind: exposure windows go by category, subsequent therapies censor. */
    private static List<TherapyExposure> exposures(PatientReference patient) {
        return patient.therapies().stream()
                .map(therapy -> new TherapyExposure(TherapyKind.valueOf(therapy.kind()), therapy.category(),
                        therapy.agent(), therapy.start(), therapy.end(), therapy.doseValue(), therapy.doseUnit()))
                .toList();
    }
}
