package org.celltrial.common.review;

import java.util.UUID;

/** A record's review marks (docs/data-review.md): how many of its queries are not closed, and whether it is verified. */
public record ReviewMarks(UUID recordId, long openQueries, boolean sourceVerified) {
}
