package org.celltrial.common.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * Problem+json for what fails before a request reaches a REST resource: authentication at the HTTP layer,
 * bodies over the size limit, and paths nothing serves.
 */
@ApplicationScoped
public class ProblemRouteHandlers {

    private static final Logger LOG = Logger.getLogger(ProblemRouteHandlers.class);

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
        router.route().order(Integer.MAX_VALUE).handler(ctx -> write(ctx,
                Problem.of(ProblemType.NOT_FOUND, ProblemMappers.frameworkDetail(ProblemType.NOT_FOUND))));
    }

    private void onFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        ProblemType type;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            type = ProblemType.UNAUTHORIZED;
        } else if (failure instanceof ForbiddenException) {
            type = ProblemType.FORBIDDEN;
        } else if (failure instanceof HttpException http) {
            type = ProblemType.forStatus(http.getStatusCode());
        } else if (failure == null && ctx.statusCode() >= 400) {
            type = ProblemType.forStatus(ctx.statusCode());
        } else {
            String errorId = java.util.UUID.randomUUID().toString();
            LOG.errorf(failure, "Unexpected error %s on %s", errorId, ctx.normalizedPath());
            write(ctx, Problem.of(ProblemType.INTERNAL,
                    "An unexpected error occurred; quote error id " + errorId + " to support"));
            return;
        }
        write(ctx, Problem.of(type, ProblemMappers.frameworkDetail(type)));
    }

    /** Writes a problem unless a response is already on its way. */
    public void write(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten() || ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (problem.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.response().end(problem.withInstance(ctx.normalizedPath()).toJson(json));
    }
}
