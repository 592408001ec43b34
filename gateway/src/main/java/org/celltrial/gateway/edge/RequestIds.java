package org.celltrial.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.celltrial.common.http.Headers;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every API request an {@code X-Request-Id}: the caller's when it is safe to log, else a new one. It goes to
 * the services with the request (forwarded or composed) and back to the caller with the response.
 */
@ApplicationScoped
public class RequestIds {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    void install(@Observes Router router) {
        router.route(EdgeOrder.API).order(EdgeOrder.REQUEST_ID).handler(this::assign);
    }

    private void assign(RoutingContext ctx) {
        String given = ctx.request().getHeader(Headers.REQUEST_ID);
        String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.request().headers().set(Headers.REQUEST_ID, id);
        ctx.put(Headers.REQUEST_ID, id);
        // Set just before the headers leave, so a forwarded service's own value cannot duplicate it.
        ctx.addHeadersEndHandler(ignored -> ctx.response().headers().set(Headers.REQUEST_ID, id));
        ctx.next();
    }

    public static String of(RoutingContext ctx) {
        return ctx.get(Headers.REQUEST_ID);
    }
}
