package org.celltrial.common.protocol;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditAction;
import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.enrollment.EnrollmentClient;
import org.celltrial.common.enrollment.ProtocolReference;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.upstream.Upstream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Which protocol version a patient is graded under in this service (docs/clinical-rules.md, Protocol settings): the
 * version its grades were last made under, or for a patient graded for the first time the version in force. A
 * patient moves to a later version only when regraded under it ({@link #regradedUnder}), which is audited with its
 * reason, so an amendment never changes a grade silently.
 */
@ApplicationScoped
public class PatientProtocols {

    @Inject
    GradingStateRepository states;

    @Inject
    EnrollmentClient enrollment;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * The protocol the patient is graded under, read so that no database connection is held while enrollment-service
     * answers: the patient's version in its own short session (the repository's), then the protocol of that version
     * (or, for a patient never graded, the one in force) from enrollment once the session is closed. Call it before a
     * session opens; enrollment unreachable is a 503 problem.
     */
    public Uni<ProtocolReference> of(UUID patientId) {
        return states.findById(patientId).map(state -> state == null ? null : state.protocolVersion)
                .flatMap(this::protocol);
    }

    /**
     * {@link #of} for many patients at once, by patient: their versions in one query (one short session), then each
     * distinct version (empty: the one in force, for those never graded) asked of enrollment once, one after the
     * other, with the session closed.
     */
    public Uni<Map<UUID, ProtocolReference>> ofAll(Collection<UUID> patientIds) {
        return states.versions(patientIds).flatMap(versions -> ofVersions(patientIds, versions));
    }

    /**
     * {@link #ofAll} for patients whose versions the caller has read itself ({@code versions}, by patient; a patient
     * left out was never graded): each distinct version asked of enrollment once. Call it with no session open.
     */
    public Uni<Map<UUID, ProtocolReference>> ofVersions(Collection<UUID> patientIds, Map<UUID, Integer> versions) {
        return ofVersions(patientIds, versions, inForce());
    }

    /**
     * {@link #ofVersions} with the protocol in force, for those never graded, given by the caller: a report that reads
     * its patients a page at a time asks for it once a report (memoized), not once a page, and grades every page
     * under the same one.
     */
    public Uni<Map<UUID, ProtocolReference>> ofVersions(Collection<UUID> patientIds, Map<UUID, Integer> versions,
            Uni<ProtocolReference> inForce) {
        return Multi.createFrom()
                .iterable(patientIds.stream().map(patient -> Optional.ofNullable(versions.get(patient))).distinct()
                        .toList())
                .onItem().transformToUniAndConcatenate(version -> (version.isPresent() ? protocol(version.get())
                        : inForce).map(protocol -> Map.entry(version, protocol)))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(byVersion -> {
                    Map<UUID, ProtocolReference> byPatient = new HashMap<>();
                    patientIds.forEach(patient -> byPatient.put(patient,
                            byVersion.get(Optional.ofNullable(versions.get(patient)))));
                    return byPatient;
                });
    }

    /** The protocol in force, for regrading under an amendment (asked before the regrade's transaction opens). */
    public Uni<ProtocolReference> inForce() {
        return answered(enrollment.protocolInForce());
    }

    /**
     * In a write's transaction, after the patient's lock: whether the patient is still graded under the version read
     * before the transaction ({@link #of}), or never graded (empty), or was moved by a concurrent regrade meanwhile:
     * then the new version's protocol if this replica already holds it, else a 409 to retry (enrollment is never
     * asked while the transaction is open).
     */
    public Uni<Optional<ProtocolReference>> movedFrom(UUID patientId, int versionBefore) {
        return states.findById(patientId).map(state -> moved(state == null ? null : state.protocolVersion,
                versionBefore));
    }

    /** {@link #movedFrom} for many patients (a batch, all of them locked), their versions read in one query. */
    public Uni<Map<UUID, Optional<ProtocolReference>>> movedFrom(Map<UUID, Integer> versionsBefore) {
        return states.versions(versionsBefore.keySet()).map(now -> {
            Map<UUID, Optional<ProtocolReference>> moved = new HashMap<>();
            versionsBefore.forEach((patient, before) -> moved.put(patient, moved(now.get(patient), before)));
            return moved;
        });
    }

    private Optional<ProtocolReference> moved(Integer versionNow, int versionBefore) {
        if (versionNow == null || versionNow == versionBefore) {
            return Optional.empty();
        }
        return Optional.of(enrollment.known(versionNow).orElseThrow(() -> ProblemException.conflict(
                "The patient was regraded under protocol version " + versionNow
                        + " while this write was prepared; send it again")));
    }

    /** Records that the patient's grades are now those of this protocol version (in the caller's transaction). */
    public Uni<Void> gradedUnder(UUID patientId, int protocolVersion) {
        return states.gradedUnder(patientId, protocolVersion, clock.instant());
    }

    /** {@link #gradedUnder} for many patients, one statement a version. */
    public Uni<Void> gradedUnder(Map<UUID, Integer> versions) {
        Instant now = clock.instant();
        return Multi.createFrom().iterable(versions.keySet().stream()
                        .collect(Collectors.groupingBy(versions::get, TreeMap::new, Collectors.toList())).entrySet())
                .onItem().transformToUniAndConcatenate(version -> states.gradedUnder(version.getValue(),
                        version.getKey(), now))
                .collect().last().replaceWithVoid();
    }

    /**
     * Moves the patient to this protocol version after regrading, with an audit row naming both versions and why.
     *
     * @return the version the patient was graded under before, or null if never
     */
    public Uni<Integer> regradedUnder(UUID patientId, int protocolVersion, String reason) {
        return states.findById(patientId).flatMap(state -> {
            Integer before = state == null ? null : state.protocolVersion;
            return gradedUnder(patientId, protocolVersion)
                    .call(() -> audit.record(AuditAction.REGRADE, "GradingState", patientId,
                            before == null ? null : Map.of("protocolVersion", before),
                            Map.of("protocolVersion", protocolVersion), reason))
                    .replaceWith(before);
        });
    }

    /** The protocol of a version, or the one in force for a patient never graded (null). */
    private Uni<ProtocolReference> protocol(Integer version) {
        return answered(version == null ? enrollment.protocolInForce() : enrollment.protocol(version));
    }

    private static Uni<ProtocolReference> answered(Uni<ProtocolReference> protocol) {
        return protocol.onFailure().transform(failure -> Upstream.asProblem(EnrollmentClient.SERVICE, failure));
    }
}
