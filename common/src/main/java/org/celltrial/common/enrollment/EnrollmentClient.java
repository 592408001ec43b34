package org.celltrial.common.enrollment;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.common.upstream.Upstream;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.arc.NoClassInterceptors;
import io.smallrye.mutiny.Uni;

/**
 * The one way safety and efficacy talk to enrollment-service: a timeout per call, retries of transient failures and a
 * circuit breaker that stops calling a service that keeps failing. "Not found" (including a patient of a site
 * the caller may not see) is an answer: an empty Optional. Each operation has its own circuit; a page's calls have a
 * longer timeout than one patient's.
 */
@ApplicationScoped
@Timeout(value = 2, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        failOn = Throwable.class, skipOn = ProblemException.class)
public class EnrollmentClient {

    public static final String SERVICE = "enrollment-service";

    private static final String PATIENTS_FORBIDDEN = "Your role may not read these patients' data";

    @RestClient
    EnrollmentApi api;

    private final Map<Integer, ProtocolReference> versions = new ConcurrentHashMap<>();

    /** The patient if enrollment shows it to the caller; empty if not. */
    public Uni<Optional<PatientReference>> reference(UUID patientId) {
        return forbiddenAsProblem(api.reference(patientId).map(Optional::of)
                .onFailure(failure -> Upstream.answered(failure, 404)).recoverWithItem(Optional.empty()),
                "Your role may not read this patient's data");
    }

    /**
     * The references of those of these patients (at most {@link EnrollmentApi#MAX_REFERENCES}) enrollment shows the
     * caller, in one call; the others are left out. A longer timeout than one reference's: a page reads up to 500.
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    public Uni<List<PatientReference>> references(List<UUID> patientIds) {
        return forbiddenAsProblem(api.references(new EnrollmentApi.ReferencesRequest(patientIds)), PATIENTS_FORBIDDEN);
    }

    /**
     * The revision of the reference of those of these patients (at most {@link EnrollmentApi#MAX_REVISIONS})
     * enrollment shows the caller, in one call; the others are left out. The timeout of a page of references.
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    public Uni<Map<UUID, Long>> referenceRevisions(List<UUID> patientIds) {
        return forbiddenAsProblem(api.referenceRevisions(new EnrollmentApi.ReferencesRequest(patientIds))
                .map(ReferenceRevisions::revisions), PATIENTS_FORBIDDEN);
    }

    /** The protocol in force, for grading a patient not yet graded or regrading after an amendment. */
    public Uni<ProtocolReference> protocolInForce() {
        return api.protocolInForce().invoke(found -> versions.putIfAbsent(found.version(), found));
    }

    /** A protocol version this replica has already fetched, without asking enrollment-service. */
    @NoClassInterceptors
    public Optional<ProtocolReference> known(int version) {
        return Optional.ofNullable(versions.get(version));
    }

    /** One protocol version; versions never change once made, so each is fetched once. */
    public Uni<ProtocolReference> protocol(int version) {
        ProtocolReference known = versions.get(version);
        return known != null ? Uni.createFrom().item(known)
                : api.protocol(version).invoke(found -> versions.putIfAbsent(found.version(), found));
    }

    /** Enrollment's 403 as the caller's: their role may not read what was asked (not a failure of the service). */
    private static <T> Uni<T> forbiddenAsProblem(Uni<T> call, String detail) {
        return call.onFailure(failure -> Upstream.answered(failure, 403))
                .transform(failure -> new ProblemException(ProblemType.FORBIDDEN, detail));
    }
}
