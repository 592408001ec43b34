package org.celltrial.gateway.upstream;

import jakarta.ws.rs.WebApplicationException;

import org.celltrial.common.upstream.Upstream;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * One service's answer to a composite: its JSON, or why there is none. "Forbidden" (403) and "not found" (404, or
 * another refusal such as 409: nothing to show for this request) are answers of the service; "unavailable" means
 * it gave none (down, timed out, circuit open, failed).
 */
public record Part(String service, State state, JsonNode value) {

    public enum State {
        AVAILABLE, NOT_FOUND, FORBIDDEN, UNAVAILABLE
    }

    public static Part unavailable(String service) {
        return new Part(service, State.UNAVAILABLE, null);
    }

    public boolean available() {
        return state == State.AVAILABLE;
    }

    /** The service's JSON as a part; its 4xx refusals as answers; any other failure left to fault tolerance. */
    static Uni<Part> answer(String service, Uni<JsonNode> call) {
        return call.map(json -> new Part(service, State.AVAILABLE, json))
                .onFailure(failure -> Upstream.answered(failure, 403))
                .recoverWithItem(new Part(service, State.FORBIDDEN, null))
                .onFailure(Part::refused)
                .recoverWithItem(new Part(service, State.NOT_FOUND, null));
    }

    private static boolean refused(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() >= 400 && web.getResponse().getStatus() < 500;
    }
}
