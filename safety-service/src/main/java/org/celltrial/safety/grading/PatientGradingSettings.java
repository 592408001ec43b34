package org.celltrial.safety.grading;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.enrollment.EnrollmentClient;
import org.celltrial.common.enrollment.ProtocolReference;
import org.celltrial.common.upstream.Upstream;

import io.smallrye.mutiny.Uni;

/**
 * Which protocol settings a patient is graded under: the version its stored grades were made under, or for a
 * patient graded for the first time the version in force. A patient moves to a later version only when regraded
 * under it (docs/clinical-rules.md, Protocol settings), so an amendment never changes a grade silently.
 */
@ApplicationScoped
public class PatientGradingSettings {

    @Inject
    GradingStateRepository states;

    @Inject
    EnrollmentClient enrollment;

    @Inject
    Clock clock;

    public Uni<GradingSettings> of(UUID patientId) {
        return states.findById(patientId).flatMap(state -> settings(state == null
                ? enrollment.protocolInForce()
                : enrollment.protocol(state.protocolVersion)));
    }

    /** The settings of the protocol in force, for regrading under an amendment. */
    public Uni<GradingSettings> inForce() {
        return settings(enrollment.protocolInForce());
    }

    /** Records that the patient's stored grades are now those of these settings' protocol version. */
    public Uni<Void> gradedUnder(UUID patientId, GradingSettings settings) {
        return states.gradedUnder(patientId, settings.protocolVersion(), clock.instant());
    }

    private static Uni<GradingSettings> settings(Uni<ProtocolReference> protocol) {
        return protocol.map(GradingSettings::of)
                .onFailure().transform(failure -> Upstream.asProblem(EnrollmentClient.SERVICE, failure));
    }
}
