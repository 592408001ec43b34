package org.celltrial.common.tracing;

import org.celltrial.common.http.Headers;
import org.celltrial.common.http.RequestId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Settles every request's {@value Headers#REQUEST_ID} before anything else reads it (CORS, authentication, the
 * resources, the audit trail, the REST clients that pass it on): the caller's if {@link RequestId#isValid valid},
 * else a new UUID. An invalid ID does not fail the request; it is replaced in the request's headers, so the raw value
 * is never logged, stored or forwarded. The answer carries the ID the service used.
 * <p>
 * The gateway has its own (stricter) {@code RequestIds} handler and excludes this bean
 * ({@code quarkus.arc.exclude-types}).
 */
@ApplicationScoped
public class RequestIdFilter {

    /** Before Quarkus answers CORS (-300) and authenticates (-200), so a refused request has an ID too. */
    static final int ORDER = -1000;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::settle);
    }

    private void settle(RoutingContext ctx) {
        String id = RequestId.acceptOrNew(ctx.request().getHeader(Headers.REQUEST_ID));
        ctx.request().headers().set(Headers.REQUEST_ID, id);
        ctx.put(Headers.REQUEST_ID, id);
        ctx.addHeadersEndHandler(ignored -> ctx.response().headers().set(Headers.REQUEST_ID, id));
        ctx.next();
    }
}
