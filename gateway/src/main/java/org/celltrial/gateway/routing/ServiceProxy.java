package org.celltrial.gateway.routing;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.celltrial.common.problem.Problem;
import org.celltrial.common.problem.ProblemType;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Forwards {@code /api/v1/<service>/**} to that service without rewriting the path, bodies streamed both ways,
 * with the caller's bearer token and {@code X-Request-Id}. Each service has its own idle timeout and circuit
 * breaker: a service that does not answer, or keeps failing, gives a fast 503 problem naming it, and the other
 * services are not affected. Each service has a bounded pool of connections and a bounded queue of requests
 * waiting for one: a request that finds both full is answered 503 at once, without counting against the circuit.
 * A {@code GET} or {@code HEAD} whose connection closes before any answer is sent once more on another connection.
 * The edge handlers (request ID, access log, limits, route policy) ran before this.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        for (Map.Entry<String, GatewayConfig.Upstream> service : config.services().entrySet()) {
            router.route("/api/v1/" + service.getKey() + "/*")
                    .handler(ProxyHandler.create(proxyTo(service.getKey(), service.getValue())));
        }
    }

    private HttpProxy proxyTo(String name, GatewayConfig.Upstream upstream) {
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setConnectTimeout((int) upstream.connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(upstream.pool().size())
                        .setMaxWaitQueueSize(upstream.pool().maxWaitQueue()));
        SocketAddress origin = SocketAddress.inetSocketAddress(
                upstream.url().getPort() > 0 ? upstream.url().getPort() : 80, upstream.url().getHost());
        long idleTimeoutMillis = upstream.idleTimeout().toMillis();
        HttpProxy proxy = HttpProxy.reverseProxy(client).originRequestProvider((request, http) -> http.request(
                new RequestOptions().setServer(origin).setIdleTimeout(idleTimeoutMillis)));
        proxy.addInterceptor(new Resilience(name, breakerFor(name, upstream.circuitBreaker())));
        return proxy;
    }

    private CircuitBreaker breakerFor(String name, GatewayConfig.CircuitBreaker settings) {
        return CircuitBreaker.create(name, vertx, new CircuitBreakerOptions()
                .setMaxFailures(settings.failureThreshold())
                .setResetTimeout(settings.openFor().toMillis())
                .setTimeout(-1)) // the request's own idle timeout bounds the wait
                .openHandler(ignored -> LOG.warnf("Circuit to %s opened: answering 503 for it", name))
                .closeHandler(ignored -> LOG.infof("Circuit to %s closed: %s answers again", name, name));
    }

    /** Sends through the service's circuit breaker and turns a service that fails into a 503 problem. */
    private final class Resilience implements ProxyInterceptor {

        private final String service;
        private final CircuitBreaker breaker;

        Resilience(String service, CircuitBreaker breaker) {
            this.service = service;
            this.breaker = breaker;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            // Only a service that gives no answer counts as failing: its own 4xx/5xx answers are passed on as they
            // are (a 503 from safety may just mean enrollment is down, and safety must stay reachable).
            // Neither a full pool and queue (the gateway's own load) nor a caller that hung up (the forwarded request
            // is reset with it) is the service failing: answered, never counted, or a load test's dropped
            // connections would open the circuit for everyone.
            return breaker.<ProxyResponse>execute(promise -> sent(context).onComplete(sent -> {
                if (sent.failed() && sent.cause() instanceof ConnectionPoolTooBusyException) {
                    promise.complete(unavailable(context, "too busy: every connection to it is in use", "1"));
                } else if (sent.failed() && context.request().proxiedRequest().response().closed()) {
                    promise.complete(unavailable(context, "the caller hung up", "1"));
                } else {
                    promise.handle(sent);
                }
            })).recover(failure -> {
                        if (failure instanceof OpenCircuitException) {
                            return Future.succeededFuture(unavailable(context, "circuit open after repeated failures", "5"));
                        }
                        LOG.warnf("%s failed for %s: %s", service, context.request().getURI(), failure.getMessage());
                        return Future.succeededFuture(unavailable(context, "it did not answer", "5"));
                    });
        }

        /**
         * The request sent, and a read sent once more if its connection closed before any answer: a pooled connection
         * to a service that has just restarted is dead when used, and reading twice changes nothing. A write is never
         * sent again (it may have been stored); nor a read whose caller has gone.
         */
        private Future<ProxyResponse> sent(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                ProxyRequest request = context.request();
                if (!(failure instanceof HttpClosedException) || !bodilessRead(request)
                        || request.proxiedRequest().response().closed()) {
                    return Future.failedFuture(failure);
                }
                LOG.debugf("%s closed the connection of %s before answering: sent once more", service,
                        request.getURI());
                request.setBody(null);   // nothing to send, and the caller's stream was read by the first attempt
                return context.sendRequest();
            });
        }

        private static boolean bodilessRead(ProxyRequest request) {
            HttpMethod method = request.getMethod();
            String length = request.headers().get(HttpHeaders.CONTENT_LENGTH);
            return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                    && (length == null || "0".equals(length))
                    && !request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        }

        private ProxyResponse unavailable(ProxyContext context, String why, String retryAfterSeconds) {
            Problem problem = Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                    "The " + service + " service is unavailable (" + why + "); try again shortly")
                    .withInstance(context.request().getURI());
            ProxyResponse response = context.request().response()
                    .setStatusCode(problem.status())
                    .setBody(Body.body(Buffer.buffer(problem.toJson(json))));
            response.headers().set("Content-Type", Problem.MEDIA_TYPE).set("Retry-After", retryAfterSeconds);
            return response;
        }
    }
}
