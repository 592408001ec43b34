package org.celltrial.gateway.upstream;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.NoClassInterceptors;
import io.smallrye.mutiny.Uni;

/**
 * The composites' one way to enrollment-service: a timeout per call, one retry, a circuit breaker per operation.
 * Answers come as {@link Part}s; a failure that outlasts all that is the caller's to mark unavailable.
 */
@ApplicationScoped
@Timeout(3000)
@Retry(maxRetries = 1, delay = 100)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000)
public class EnrollmentClient extends LockingClient {

    public static final String SERVICE = "enrollment";

    @RestClient
    EnrollmentApi api;

    @Override
    @NoClassInterceptors
    protected String service() {
        return SERVICE;
    }

    @Override
    @NoClassInterceptors
    protected EnrollmentApi api() {
        return api;
    }

    /** The patient's enrollment views in one answer (its part of the course). */
    public Uni<Part> course(UUID id) {
        return Part.answer(SERVICE, api.course(id));
    }

    /**
     * The demographics without a row per patient: over 10 000 patients the rows were 3 MB of JSON for each study
     * summary, which shows only the figures (docs/performance.md, run 34).
     */
    @Timeout(Part.REPORT_TIMEOUT_MS)
    @Retry(maxRetries = 0)
    public Uni<Part> summary(String asOf, List<String> siteCodes) {
        return Part.answer(SERVICE, api.summary(asOf, siteCodes, false));
    }

    /** Every patient the caller may see (enrollment narrows the list to the caller's sites). */
    public Uni<JsonNode> patients() {
        return Pages.all(api::patients);
    }
}
