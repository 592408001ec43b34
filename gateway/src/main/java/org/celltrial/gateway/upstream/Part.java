package org.celltrial.gateway.upstream;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.upstream.Upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * One service's answer to a composite: its JSON, or why there is none. "Forbidden" (403) and "not found" (404, or
 * another refusal such as 409: nothing to show for this request) are answers of the service; "unavailable" means
 * it gave none (down, timed out, circuit open, failed).
 */
public record Part(String service, State state, JsonNode value) {

    /**
     * How long a service may take over a report of the whole study (its summary), asked once, not retried: over
     * 10 000 patients efficacy's took 7-12 s on 2 cores, and the 3 s of a patient's composites left the study summary
     * without it (docs/performance.md, run 12). Under the REST client's own read timeout (30 s).
     */
    public static final long REPORT_TIMEOUT_MS = 25_000;

    public enum State {
        AVAILABLE, NOT_FOUND, FORBIDDEN, UNAVAILABLE,
        /** A write the service refused (4xx): {@code value} is its problem. */
        REFUSED
    }

    public static Part unavailable(String service) {
        return new Part(service, State.UNAVAILABLE, null);
    }

    public boolean available() {
        return state == State.AVAILABLE;
    }

    /**
     * The service's JSON as a part; its 4xx refusals as answers; any other failure left to fault tolerance. A 401 is
     * not an answer about the patient but the service refusing the token the gateway accepted (a key rotated, a
     * token forwarded without its header): a failure, so the part ends unavailable, never "no such patient".
     */
    static Uni<Part> answer(String service, Uni<JsonNode> call) {
        return call.map(json -> new Part(service, State.AVAILABLE, json))
                .onFailure(failure -> Upstream.answered(failure, 403))
                .recoverWithItem(new Part(service, State.FORBIDDEN, null))
                .onFailure(failure -> refused(failure) && !Upstream.answered(failure, 401))
                .recoverWithItem(new Part(service, State.NOT_FOUND, null));
    }

    /**
     * A write's outcome: the service's JSON, or its refusal (4xx) with the problem it answered, so a composite can
     * pass it on; any other failure left to fault tolerance. A refusal is an answer, so it never opens the circuit.
     */
    static Uni<Part> outcome(String service, Uni<JsonNode> call) {
        return call.map(json -> new Part(service, State.AVAILABLE, json))
                .onFailure(Part::refused)
                .recoverWithItem(failure -> new Part(service, State.REFUSED,
                        problemOf(((WebApplicationException) failure).getResponse())));
    }

    private static JsonNode problemOf(Response response) {
        try {
            return PROBLEMS.readTree(response.readEntity(String.class));
        } catch (RuntimeException | JsonProcessingException unreadable) {
            return PROBLEMS.createObjectNode().put("status", response.getStatus())
                    .put("detail", "refused with status " + response.getStatus());
        }
    }

    private static final ObjectMapper PROBLEMS = new ObjectMapper();

    private static boolean refused(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() >= 400 && web.getResponse().getStatus() < 500;
    }
}
