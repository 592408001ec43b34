package org.celltrial.gateway.upstream;

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
public class EnrollmentClient extends ServiceClient {

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

    /** Every patient the caller may see (enrollment narrows the list to the caller's sites). */
    public Uni<JsonNode> patients() {
        return Pages.all(api::patients);
    }
}
