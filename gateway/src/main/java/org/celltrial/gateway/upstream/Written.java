package org.celltrial.gateway.upstream;

import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * A service's answer to a write: the record it stored (2xx) or its refusal (4xx, with its problem). Refusals are
 * answers, so they neither count against the circuit breaker nor get retried; anything else (5xx, timeout) stays a
 * failure for the client bean's fault tolerance.
 */
public record Written(String service, int status, JsonNode body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean stored() {
        return status >= 200 && status < 300;
    }

    /** The problem's detail and violations, in words; the status alone where the service sent none. */
    public String problem() {
        if (body == null || !body.isObject()) {
            return service + " answered " + status;
        }
        StringBuilder text = new StringBuilder(body.path("detail").asText(body.path("title").asText(
                service + " answered " + status)));
        body.path("violations").forEach(violation -> text.append("; ").append(violation.path("field").asText())
                .append(": ").append(violation.path("message").asText()));
        return text.toString();
    }

    static Uni<Written> answer(String service, Uni<JsonNode> call) {
        return call.map(json -> new Written(service, 201, json))
                .onFailure(Written::refused)
                .recoverWithItem(failure -> {
                    var response = ((WebApplicationException) failure).getResponse();
                    return new Written(service, response.getStatus(), problemOf(response));
                });
    }

    private static boolean refused(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() >= 400 && web.getResponse().getStatus() < 500;
    }

    private static JsonNode problemOf(jakarta.ws.rs.core.Response response) {
        try {
            return JSON.readTree(response.readEntity(String.class));
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            return null;
        }
    }
}
