package org.celltrial.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Plays the services behind the gateway: enrollment is a WireMock server the tests program and inspect;
 * safety points at a port where nothing listens, as a service that is down.
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

    static WireMockServer enrollment;

    @Override
    public Map<String, String> start() {
        enrollment = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        enrollment.start();
        return Map.of(
                "celltrial.gateway.services.enrollment.url", enrollment.baseUrl(),
                "celltrial.gateway.services.safety.url", "http://127.0.0.1:" + unusedPort());
    }

    @Override
    public void stop() {
        if (enrollment != null) {
            enrollment.stop();
        }
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
