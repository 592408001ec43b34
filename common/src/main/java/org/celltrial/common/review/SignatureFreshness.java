package org.celltrial.common.review;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a sign-in is fresh enough to sign with (21 CFR Part 11 §11.200(a)(1): a signature outside one continuous
 * session of controlled access re-executes the identification): the token's {@code auth_time} no older than the
 * allowed age, and not in the future beyond a small clock skew (docs/data-review.md, Signatures).
 */
public final class SignatureFreshness {

    /** Keycloak's and the service's clocks may disagree by this much. */
    static final Duration SKEW = Duration.ofSeconds(30);

    private SignatureFreshness() {
    }

    /** Null when fresh enough; otherwise why not, for the problem's detail. */
    public static String refusal(Instant authenticatedAt, Instant now, Duration maxAge) {
        if (authenticatedAt == null) {
            return "the token does not say when you signed in (no auth_time claim)";
        }
        if (authenticatedAt.isAfter(now.plus(SKEW))) {
            return "the token's sign-in time " + authenticatedAt + " lies in the future";
        }
        Duration age = Duration.between(authenticatedAt, now);
        if (age.compareTo(maxAge) > 0) {
            return "you signed in " + age.toSeconds() + " s ago, at " + authenticatedAt + "; signing needs a sign-in "
                    + "within the last " + maxAge.toSeconds() + " s";
        }
        return null;
    }
}
