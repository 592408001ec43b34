package org.celltrial.gateway.ratelimit;

import java.util.Set;

import org.celltrial.common.security.Caller;

/** Whom a request counts against: a machine client by its client ID, a person by the token's subject. */
record RateLimitKey(boolean machine, String id) {

    /** The caller's key, or null for a request without a valid token. */
    static RateLimitKey of(Caller caller, Set<String> machineClients) {
        if (caller.isAnonymous()) {
            return null;
        }
        if (caller.client() != null && machineClients.contains(caller.client())) {
            return new RateLimitKey(true, caller.client());
        }
        return new RateLimitKey(false, caller.subject());
    }
}
