package org.celltrial.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.celltrial.common.problem.Problem;
import org.celltrial.common.problem.ProblemRouteHandlers;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.gateway.edge.EdgeOrder;
import org.celltrial.gateway.edge.RoutingCallers;
import org.celltrial.gateway.routing.GatewayConfig;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Per-caller rate limits on the whole API: a token bucket per person (token subject) and per machine client
 * (client ID), machine clients with a limit of their own. Over the limit: 429 problem with {@code Retry-After}.
 * Requests without a valid token are not counted here; they are refused as 401 right after.
 */
@ApplicationScoped
public class CallerRateLimiter {

    private static final int MAX_TRACKED_CALLERS = 100_000;

    @Inject
    GatewayConfig config;

    @Inject
    ProblemRouteHandlers problems;

    private Cache<RateLimitKey, Bucket> buckets;

    @PostConstruct
    void createBuckets() {
        Duration longestWindow = max(config.rateLimits().person().per(), config.rateLimits().machine().per());
        // A bucket idle for a whole window is full again, so forgetting it changes nothing.
        buckets = Caffeine.newBuilder().maximumSize(MAX_TRACKED_CALLERS).expireAfterAccess(longestWindow).build();
    }

    void install(@Observes Router router) {
        router.route(EdgeOrder.API).order(EdgeOrder.RATE_LIMIT).handler(this::limit);
    }

    private void limit(RoutingContext ctx) {
        RateLimitKey key = RateLimitKey.of(RoutingCallers.of(ctx), config.rateLimits().machineClients());
        if (key == null) {
            ctx.next();
            return;
        }
        ConsumptionProbe probe = buckets.get(key, this::newBucket).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            ctx.next();
            return;
        }
        long retryAfterSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        GatewayConfig.Limit limit = limitFor(key);
        ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        problems.write(ctx, Problem.of(ProblemType.TOO_MANY_REQUESTS, "More than " + limit.requests()
                + " requests in " + limit.per().toSeconds() + " s from this " + (key.machine() ? "client" : "user")
                + "; retry in " + retryAfterSeconds + " s"));
    }

    private Bucket newBucket(RateLimitKey key) {
        GatewayConfig.Limit limit = limitFor(key);
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.per())
                        .build())
                .build();
    }

    private GatewayConfig.Limit limitFor(RateLimitKey key) {
        return key.machine() ? config.rateLimits().machine() : config.rateLimits().person();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
