package org.celltrial.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Clinical data must not be kept by browsers or proxies: every API answer says {@code Cache-Control: no-store},
 * replacing whatever a service said (Quarkus's configured headers would add a second one instead).
 */
@ApplicationScoped
public class NoStore {

    void install(@Observes Router router) {
        router.route(EdgeOrder.API).order(EdgeOrder.NO_STORE).handler(this::mark);
    }

    private void mark(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ignored -> ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-store"));
        ctx.next();
    }
}
