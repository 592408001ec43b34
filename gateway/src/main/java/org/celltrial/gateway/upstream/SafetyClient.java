package org.celltrial.gateway.upstream;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.arc.NoClassInterceptors;
import io.smallrye.mutiny.Uni;

/** The composites' one way to safety-service; the same fault tolerance as {@link EnrollmentClient}. */
@ApplicationScoped
@Timeout(3000)
@Retry(maxRetries = 1, delay = 100)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000)
public class SafetyClient extends ReviewingClient {

    public static final String SERVICE = "safety";

    @RestClient
    SafetyApi api;

    @Override
    @NoClassInterceptors
    protected String service() {
        return SERVICE;
    }

    @Override
    @NoClassInterceptors
    protected SafetyApi api() {
        return api;
    }

    public Uni<Written> recordLab(UUID patientId, String idempotencyKey, JsonNode lab) {
        return Written.answer(SERVICE, api.recordLab(patientId, idempotencyKey, lab));
    }

    public Uni<Written> voidLab(UUID patientId, UUID recordId, int version, String reason) {
        return Written.answer(SERVICE, api.voidLab(patientId, recordId, "\"" + version + "\"",
                JsonNodeFactory.instance.objectNode().put("reason", reason)));
    }
}
