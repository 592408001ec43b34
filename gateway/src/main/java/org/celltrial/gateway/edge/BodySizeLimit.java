package org.celltrial.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.celltrial.common.problem.Problem;
import org.celltrial.common.problem.ProblemRouteHandlers;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.gateway.routing.GatewayConfig;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request body larger than {@code celltrial.gateway.max-request-body} with a 413 problem, from its
 * declared length, before anything is forwarded. A chunked body with no declared length is cut at the same size
 * by Quarkus's own limit ({@code quarkus.http.limits.max-body-size}, set to the same value).
 */
@ApplicationScoped
public class BodySizeLimit {

    @Inject
    GatewayConfig config;

    @Inject
    ProblemRouteHandlers problems;

    void install(@Observes Router router) {
        router.route(EdgeOrder.API).order(EdgeOrder.BODY_LIMIT).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = config.maxRequestBody().asLongValue();
        if (declared != null && exceeds(declared, limit)) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            problems.write(ctx, Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is " + declared + " bytes; at most " + limit + " are accepted"));
        } else {
            ctx.next();
        }
    }

    private static boolean exceeds(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return true; // an unreadable length is refused rather than trusted
        }
    }
}
