package org.celltrial.gateway.edge;

import org.celltrial.common.security.Caller;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * The caller of a request at the router level, where Quarkus has already validated its token (or found none).
 * Read once per request: the rate limit, the route guard and the access log all ask.
 */
public final class RoutingCallers {

    private static final String KEY = "celltrial.caller";

    private RoutingCallers() {
    }

    /** Only after authentication (route order above -200), so the cached caller is the final one. */
    public static Caller of(RoutingContext ctx) {
        Caller caller = ctx.get(KEY);
        if (caller == null) {
            caller = ctx.user() instanceof QuarkusHttpUser user
                    ? Caller.of(user.getSecurityIdentity())
                    : Caller.ANONYMOUS;
            ctx.put(KEY, caller);
        }
        return caller;
    }
}
