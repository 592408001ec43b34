package org.celltrial.safety.feed;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change to an adverse event: created, corrected (regraded, followed up) or voided, with the event as it
 * stood after the change (before it, for a void), pseudonymised.
 */
public record FeedItem(String cursor, Instant at, String change, UUID adverseEventId, String reason,
        JsonNode adverseEvent) {
}
