package org.celltrial.safety.feed;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change to an adverse event: created, corrected (regraded, followed up) or voided, with the event as it
 * stood after the change (before it, for a void), pseudonymised. For a serious event that is not voided,
 * {@code e2b} is where its E2B(R3) report (the version this change made) is pulled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedItem(String cursor, Instant at, String change, UUID adverseEventId, String reason,
        JsonNode adverseEvent, String e2b) {

    /** The path of an event's E2B(R3) report, as the gateway serves it. */
    static String e2bPath(UUID adverseEventId) {
        return "/api/v1/safety/sae/" + adverseEventId + "/e2b";
    }
}
