package org.celltrial.gateway.edge;

import org.celltrial.common.security.Caller;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/** The caller of a request at the router level, where Quarkus has already validated its token (or found none). */
public final class RoutingCallers {

    private RoutingCallers() {
    }

    public static Caller of(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user ? Caller.of(user.getSecurityIdentity()) : Caller.ANONYMOUS;
    }
}
