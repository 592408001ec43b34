package org.celltrial.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the service's OIDC tenant (and enrollment's Keycloak admin client) at the real Keycloak that
 * {@link KeycloakServer} finds or starts.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", KeycloakServer.get().realmUrl(),
                "celltrial.keycloak.url", KeycloakServer.get().url());
    }

    @Override
    public void stop() {
        // Keycloak lives as long as the test JVM, shared by every test class in it.
    }
}
