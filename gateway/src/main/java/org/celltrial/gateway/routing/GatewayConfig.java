package org.celltrial.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's own settings, under {@code celltrial.gateway}. */
@ConfigMapping(prefix = "celltrial.gateway")
public interface GatewayConfig {

    /** The services behind {@code /api/v1/<name>/**}: {@code celltrial.gateway.services.<name>.url}. */
    Map<String, Upstream> services();

    /** Largest request body accepted: clinical writes are small JSON documents. */
    @WithDefault("256K")
    MemorySize maxRequestBody();

    RateLimits rateLimits();

    interface Upstream {
        /** Base URL of the service, e.g. {@code http://enrollment-service:8081}. */
        URI url();

        /** How long to wait for a connection before answering 503. */
        @WithDefault("2s")
        Duration connectTimeout();

        /**
         * How long the service may stay silent (no response, or no bytes of a streamed one) before the request
         * fails with a 503: an idle timeout, so long exports that keep streaming are not cut.
         */
        @WithDefault("15s")
        Duration idleTimeout();

        CircuitBreaker circuitBreaker();

        Pool pool();
    }

    /**
     * The connections kept to one service. A request that finds them all busy waits in a bounded queue; when the
     * queue is full too it is answered 503 at once, so a slow service makes callers retry instead of piling up.
     */
    interface Pool {
        /** Connections to the service (HTTP/1.1 keep-alive, one request at a time each). */
        @WithDefault("32")
        int size();

        /** Requests that may wait for one of them; beyond that, a 503 problem with Retry-After. */
        @WithDefault("128")
        int maxWaitQueue();
    }

    interface CircuitBreaker {
        /** Consecutive requests the service did not answer (refused or timed out) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 at once before one request may try the service again. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface RateLimits {
        /** People, each counted by their token's subject. */
        Limit person();

        /** Machine clients (client-credentials tokens), each counted by client, with a limit of their own. */
        Limit machine();

        /** The client IDs that are machine clients. */
        @WithDefault("sponsor-system")
        Set<String> machineClients();
    }

    interface Limit {
        /** Requests allowed in each {@link #per()} window, refilled gradually. */
        int requests();

        Duration per();
    }
}
