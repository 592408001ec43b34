package org.celltrial.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The services the gateway forwards to: {@code celltrial.gateway.services.<name>.url}. */
@ConfigMapping(prefix = "celltrial.gateway")
public interface GatewayConfig {

    Map<String, Upstream> services();

    interface Upstream {
        /** Base URL of the service, e.g. {@code http://enrollment-service:8081}. */
        URI url();

        /** How long to wait for a connection before answering 503. */
        @WithDefault("2s")
        Duration connectTimeout();
    }
}
