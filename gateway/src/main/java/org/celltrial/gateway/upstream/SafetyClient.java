package org.celltrial.gateway.upstream;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.smallrye.mutiny.Uni;

/** The composites' one way to safety-service; the same fault tolerance as {@link EnrollmentClient}. */
@ApplicationScoped
@Timeout(3000)
@Retry(maxRetries = 1, delay = 100)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000)
public class SafetyClient {

    public static final String SERVICE = "safety";

    @RestClient
    SafetyApi api;

    public Uni<Part> crs(UUID id) {
        return Part.answer(SERVICE, api.crs(id));
    }

    public Uni<Part> icans(UUID id) {
        return Part.answer(SERVICE, api.icans(id));
    }

    public Uni<Part> icaht(UUID id) {
        return Part.answer(SERVICE, api.icaht(id));
    }

    public Uni<Part> adverseEvents(UUID id) {
        return Part.answer(SERVICE, Pages.all((limit, cursor) -> api.adverseEvents(id, limit, cursor)));
    }

    public Uni<Part> summary(String asOf, List<String> siteCodes) {
        return Part.answer(SERVICE, api.summary(asOf, siteCodes));
    }

    public Uni<Written> recordLab(UUID patientId, String idempotencyKey, JsonNode lab) {
        return Written.answer(SERVICE, api.recordLab(patientId, idempotencyKey, lab));
    }

    public Uni<Written> voidLab(UUID patientId, UUID recordId, int version, String reason) {
        return Written.answer(SERVICE, api.voidLab(patientId, recordId, "\"" + version + "\"",
                JsonNodeFactory.instance.objectNode().put("reason", reason)));
    }

    public Uni<Part> queriesOf(UUID id) {
        return Part.answer(SERVICE, api.queriesOf(id));
    }

    public Uni<Part> queries(List<String> siteCodes, String status) {
        return Part.answer(SERVICE, api.queries(siteCodes, status));
    }

    public Uni<Part> sourceVerification(List<String> siteCodes) {
        return Part.answer(SERVICE, api.sourceVerification(siteCodes));
    }

    public Uni<Part> signatures(UUID id) {
        return Part.answer(SERVICE, api.signatures(id));
    }

    public Uni<Part> sign(UUID id, JsonNode signature) {
        return Part.outcome(SERVICE, api.sign(id, signature));
    }

    public Uni<Part> locks() {
        return Part.answer(SERVICE, api.locks());
    }

    public Uni<Part> lock(JsonNode lock) {
        return Part.outcome(SERVICE, api.lock(lock));
    }

    public Uni<Part> unlock(UUID lockId, JsonNode reason) {
        return Part.outcome(SERVICE, api.unlock(lockId, reason));
    }
}
