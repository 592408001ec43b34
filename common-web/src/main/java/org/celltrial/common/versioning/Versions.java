package org.celltrial.common.versioning;

import jakarta.ws.rs.core.EntityTag;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;

/**
 * Optimistic concurrency over HTTP: a resource's version travels as a strong ETag ({@code "3"}); an update
 * must send it back in {@code If-Match}. Missing is 428, stale is 412 (RFC 9110, RFC 6585). {@code If-Match: *}
 * names no version, so it counts as missing (428): every update says which version it was made against. A stale
 * version found only when the update is written (a concurrent update won the race) is also a 412: see
 * {@code ProblemMappers}.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Checks an If-Match header against the current version; throws the matching problem otherwise. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send the version you read in If-Match (its ETag) to update this resource");
        }
        String expected = "\"" + currentVersion + "\"";
        boolean matched = false;
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                        "If-Match: * names no version; send the ETag of the version you read to update this resource");
            }
            matched |= tag.equals(expected);
        }
        if (matched) {
            return;
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                "The resource is now at version " + currentVersion + "; read it again and reapply your change");
    }
}
