package org.celltrial.gateway.routing;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.celltrial.common.http.Headers;
import org.celltrial.common.problem.Problem;
import org.celltrial.common.problem.ProblemRouteHandlers;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.gateway.policy.RoutePolicy;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Forwards {@code /api/v1/<service>/**} to that service without rewriting the path, bodies streamed, with the
 * caller's bearer token and an {@code X-Request-Id} (passed on, or created here). Only authenticated callers
 * get through; the service validates the token again.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    private static final String REQUEST_ID = Headers.REQUEST_ID;
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper json;

    @Inject
    ProblemRouteHandlers problems;

    private final RoutePolicy policy = new RoutePolicy();

    void install(@Observes Router router) {
        for (Map.Entry<String, GatewayConfig.Upstream> service : config.services().entrySet()) {
            router.route("/api/v1/" + service.getKey() + "/*")
                    .handler(this::requireAuthenticatedCaller)
                    .handler(ProxyHandler.create(proxyTo(service.getKey(), service.getValue())));
        }
    }

    /**
     * Proactive authentication has already refused invalid tokens; this refuses requests that carry none (an HTTP
     * path permission would too, but its challenge is an empty 401, not a problem), and requests the route policy
     * does not allow for the caller's roles.
     */
    private void requireAuthenticatedCaller(RoutingContext ctx) {
        if (!(ctx.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()) {
            problems.write(ctx, Problem.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required"));
        } else if (!policy.allows(user.getSecurityIdentity().getRoles(), ctx.request().method().name(),
                ctx.normalizedPath())) {
            problems.write(ctx, Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this request"));
        } else {
            ctx.next();
        }
    }

    private HttpProxy proxyTo(String name, GatewayConfig.Upstream upstream) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) upstream.connectTimeout().toMillis()));
        int port = upstream.url().getPort() > 0 ? upstream.url().getPort() : 80;
        HttpProxy proxy = HttpProxy.reverseProxy(client).origin(port, upstream.url().getHost());
        proxy.addInterceptor(new RequestIdAndFailures(name));
        return proxy;
    }

    /** Puts an X-Request-Id on the way in and out, and turns an unreachable service into a 503 problem. */
    private final class RequestIdAndFailures implements ProxyInterceptor {

        private final String service;

        RequestIdAndFailures(String service) {
            this.service = service;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            String requestId = context.request().headers().get(REQUEST_ID);
            if (requestId == null || !SAFE_REQUEST_ID.matcher(requestId).matches()) {
                requestId = UUID.randomUUID().toString();
                context.request().headers().set(REQUEST_ID, requestId);
            }
            context.set(REQUEST_ID, requestId);
            String id = requestId;
            return context.sendRequest().recover(failure -> {
                LOG.warnf("%s unreachable for request %s: %s", service, id, failure.getMessage());
                return Future.succeededFuture(unavailable(context));
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            context.response().headers().set(REQUEST_ID, context.get(REQUEST_ID, String.class));
            return context.sendResponse();
        }

        private ProxyResponse unavailable(ProxyContext context) {
            Problem problem = Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                    "The " + service + " service is unavailable; try again shortly")
                    .withInstance(context.request().getURI());
            ProxyResponse response = context.request().response()
                    .setStatusCode(problem.status())
                    .setBody(Body.body(Buffer.buffer(problem.toJson(json))));
            response.headers().set("Content-Type", Problem.MEDIA_TYPE).set("Retry-After", "5");
            return response;
        }
    }
}
