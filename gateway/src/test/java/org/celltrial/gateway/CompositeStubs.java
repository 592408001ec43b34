package org.celltrial.gateway;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Plays all three services with one WireMock server: their paths differ by prefix, as in docs/api.md. */
public class CompositeStubs implements QuarkusTestResourceLifecycleManager {

    static WireMockServer services;

    @Override
    public Map<String, String> start() {
        services = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        services.start();
        return Map.of(
                "celltrial.gateway.services.enrollment.url", services.baseUrl(),
                "celltrial.gateway.services.safety.url", services.baseUrl(),
                "celltrial.gateway.services.efficacy.url", services.baseUrl());
    }

    @Override
    public void stop() {
        if (services != null) {
            services.stop();
        }
    }
}
