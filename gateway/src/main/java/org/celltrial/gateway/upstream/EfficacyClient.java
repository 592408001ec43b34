package org.celltrial.gateway.upstream;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.NoClassInterceptors;
import io.smallrye.mutiny.Uni;

/** The composites' one way to efficacy-service; the same fault tolerance as {@link EnrollmentClient}. */
@ApplicationScoped
@Timeout(3000)
@Retry(maxRetries = 1, delay = 100)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000)
public class EfficacyClient extends ReviewingClient {

    public static final String SERVICE = "efficacy";

    @RestClient
    EfficacyApi api;

    @Override
    @NoClassInterceptors
    protected String service() {
        return SERVICE;
    }

    @Override
    @NoClassInterceptors
    protected EfficacyApi api() {
        return api;
    }

    public Uni<Written> recordPlateletCount(UUID patientId, String idempotencyKey, JsonNode count) {
        return Written.answer(SERVICE, api.recordPlateletCount(patientId, idempotencyKey, count));
    }
}
